import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planCards } from '../../src/cards/card-pages.js';
import { checkCharters, type CheckResult } from '../../src/check.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { normalizeCollection } from '../../src/site/site-charters.js';
import { planSite } from '../../src/view/site-plan.js';

/** How many views of each kind were built: printing cards must build charter views only. */
const { built, counted } = vi.hoisted(() => {
  const built = { charterViews: 0, listItems: 0, feedbackContacts: 0, dashboards: 0 };
  /** `build`, counting its calls under `key`. */
  const counted =
    <A extends unknown[], R>(key: keyof typeof built, build: (...args: A) => R) =>
    (...args: A): R => {
      built[key]++;
      return build(...args);
    };
  return { built, counted };
});

vi.mock('../../src/view/charter-view.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/view/charter-view.js')>();
  return {
    ...original,
    buildCharterView: counted('charterViews', original.buildCharterView),
    buildUnitListItem: counted('listItems', original.buildUnitListItem),
    feedbackContactView: counted('feedbackContacts', original.feedbackContactView),
  };
});

vi.mock('../../src/view/dashboard-view.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/view/dashboard-view.js')>();
  return { ...original, buildDashboardView: counted('dashboards', original.buildDashboardView) };
});

const TODAY = '2026-11-23';
let checked: CheckResult;

beforeAll(async () => {
  checked = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: TODAY });
});

beforeEach(() => {
  Object.assign(built, { charterViews: 0, listItems: 0, feedbackContacts: 0, dashboards: 0 });
});

describe('planCards', () => {
  it('builds one charter view per card and nothing else of the site', () => {
    const { cards, problems } = planCards(checked, TODAY);
    expect(problems).toEqual([]);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every(({ page }) => page.kind === 'card')).toBe(true);
    expect(built).toEqual({ charterViews: cards.length, listItems: 0, feedbackContacts: 0, dashboards: 0 });
  });

  it('plans exactly the card pages the site has', () => {
    const { cards } = planCards(checked, TODAY);
    const site = planSite(normalizeCollection(checked), { today: TODAY, renderMarkdown });
    // The counters see the whole site being planned, so the test above can fail.
    expect(built.listItems).toBeGreaterThan(0);
    expect(built.feedbackContacts).toBeGreaterThan(0);
    expect(cards.map(({ page }) => page)).toEqual(site.pages.filter((page) => page.kind === 'card'));
  });

  it('pairs each card with the charter it shows', () => {
    for (const { page, charter } of planCards(checked, TODAY).cards) {
      expect(charter.data.id).toBe(page.charter.id);
      expect(charter.isBaseline).toBe(false);
      expect(charter.data.languages).toContain(page.frame.lang);
    }
  });
});
