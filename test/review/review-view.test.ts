import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { Charter } from '../../src/model/charter.js';
import { message } from '../../src/messages/message.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { buildReviewView, type ReviewChangesInput, type ReviewInput } from '../../src/view/review-view.js';
import { urls } from '../../src/view/site-plan.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { writeTree } from '../helpers.js';

const CONTEXT = { today: '2026-11-30', urlOf: urls.charter, cardUrlOf: urls.card, renderMarkdown };
const NO_CHANGES: ReviewChangesInput = { notes: [], changes: [] };

async function charterOf(text: string): Promise<Charter> {
  const { charters } = await checkCharters({ cwd: writeTree({ 'charters/unit.yaml': text }), today: '2026-11-30' });
  expect(charters).toHaveLength(1);
  return charters[0] as Charter;
}

function view(input: ReviewInput, lang: 'fi' | 'en' = 'en') {
  return buildReviewView(input, { lang, ui: lang }, CONTEXT);
}

describe('the review pack view', () => {
  it('runs the period from the approval to the review day, and says when it has not begun', async () => {
    const charter = await charterOf(VALID_UNIT);
    const running = view({ charter, day: '2026-11-30', figures: undefined, changes: NO_CHANGES });
    expect(running.period).toEqual({ text: '1 September – 30 November 2026', from: '2026-09-01', to: '2026-11-30' });
    expect(running.figures).toEqual({ state: 'no-log' });
    expect(running.reviewer?.contact.id).toBe('head');
    expect(running.reviewer?.turn).toBe('1 September 2026 – 31 August 2027');
    const early = view({
      charter,
      day: '2026-08-01',
      figures: { problem: message('review.pack.not-begun', { approved: '2026-09-01', day: '2026-08-01' }) },
      changes: NO_CHANGES,
    });
    expect(early.period.notBegun).toBe('The period has not begun: the charter was approved on 1 September 2026, after the review day.');
    expect(early.figures).toEqual({
      state: 'unavailable',
      text: 'The period cannot be measured: the charter was approved on 2026-09-01, after the review day 2026-08-01.',
    });
  });

  it('names no reviewer without a rota, and keeps only the improvements of the period', async () => {
    const withEntries = edit(VALID_UNIT, 'date: 2026-05-04', 'date: 2026-10-04');
    const charter = await charterOf(withEntries.replace(/\n {2}rota: \[[^\]]*\]/, ''));
    expect(charter.review.rota).toEqual([]);
    const page = view({ charter, day: '2026-11-30', figures: undefined, changes: NO_CHANGES });
    expect(page.reviewer).toBeUndefined();
    expect(page.hasRota).toBe(false);
    expect(page.improvements.map((entry) => entry.iso)).toEqual(['2026-10-04']);
    expect(view({ charter, day: '2026-10-03', figures: undefined, changes: NO_CHANGES }).improvements).toEqual([]);
  });

  it('words the changes as charter diff does, or why they cannot be shown', async () => {
    const charter = await charterOf(VALID_UNIT);
    const unavailable = view({
      charter,
      day: '2026-11-30',
      figures: undefined,
      changes: { unavailable: message('review.pack.no-history'), notes: [], changes: [] },
    });
    expect(unavailable.changes).toEqual({ state: 'unavailable', reason: 'the charter was not among those whose git history was read' });
    const none = view({
      charter,
      day: '2026-11-30',
      figures: undefined,
      changes: { ...NO_CHANGES, approvalCommit: 'abcdef1234567890', approvalCommitDate: '2026-09-02' },
    });
    expect(none.changes).toEqual({ state: 'none', recorded: 'The approval was recorded in version control on 2 September 2026 (commit abcdef1).' });
    const changed = view(
      {
        charter,
        day: '2026-11-30',
        figures: undefined,
        changes: {
          notes: [],
          decision: message('diff.format.decision-needed'),
          changes: [
            {
              kind: 'loosened',
              kindWord: message('diff.format.kind.loosened'),
              text: message('diff.promise.within-longer', { promise: 'channels.email.reply', from: '2 working days', to: '5 working days' }),
            },
          ],
        },
      },
      'fi',
    );
    expect(changed.changes.state).toBe('changed');
    expect(changed.changes.state === 'changed' && changed.changes.items).toEqual([{ kind: 'loosened', text: expect.stringMatching(/^Heikentyy: /) as string }]);
    expect(changed.changes.state === 'changed' && changed.changes.decision).toMatch(/^[A-ZÄÖ].*\.$/);
  });

  it('asks the four questions in the page language', async () => {
    const charter = await charterOf(VALID_UNIT);
    const questions = (lang: 'fi' | 'en') => view({ charter, day: '2026-11-30', figures: undefined, changes: NO_CHANGES }, lang).questions;
    expect(questions('en').map((question) => question.split('?')[0])).toEqual([
      'What did we promise',
      'What did we keep',
      'What did customers tell us',
      'What do we change',
    ]);
    expect(questions('fi').map((question) => question.split('?')[0])).toEqual([
      'Mitä lupasimme',
      'Mitä pidimme',
      'Mitä asiakkaat kertoivat meille',
      'Mitä muutamme',
    ]);
  });
});
