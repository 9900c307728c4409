import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planCards } from '../../src/cards/card-pages.js';
import { checkCharters, type CheckResult } from '../../src/check.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { normalizeCollection } from '../../src/site/site-charters.js';
import { planSite } from '../../src/view/site-plan.js';
import { FORMAT_11_UNIT } from '../fixtures/charters.js';
import { writeTree } from '../helpers.js';

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

describe('the card of a format 1.1 charter', () => {
  it('shows the main phone line with its promises, the other lines by name and number, and the letter promises', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11_UNIT });
    const { cards, problems } = planCards(await checkCharters({ cwd, today: TODAY }), TODAY);
    expect(problems).toEqual([]);
    const en = cards.find(({ page }) => page.frame.lang === 'en')?.page;
    if (en?.kind !== 'card') throw new Error('no English card');
    const { cardLines, serviceLanguages, hoursNotes } = en.charter;
    expect(cardLines.phone?.number).toEqual({ display: '+358 9 123 4567', href: 'tel:+35891234567' });
    expect(cardLines.phone?.commitments.map((commitment) => commitment.short ?? commitment.sentence)).toEqual([
      'We answer calls within 30 seconds in at least 90% of cases.',
      'For Businesses: within 1 minute (80%)',
      'On average, we answer calls within 2 minutes.',
      'At most 10% of callers hang up before we answer.',
      'We call you back within 1 working day in at least 95% of cases.',
    ]);
    expect(cardLines.otherPhones.map((line) => [line.name?.text, line.number?.display])).toEqual([['Sámi-language service', '+358 9 123 4599']]);
    expect(cardLines.letter?.commitments.map((commitment) => commitment.sentence)).toEqual([
      'We reply to letters within 10 working days in at least 90% of cases.',
    ]);
    expect(serviceLanguages).toBe('Finnish, Swedish, English, Northern Sami');
    expect(hoursNotes).toEqual([]);
  });
});
