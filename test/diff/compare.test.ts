import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCharters } from '../../src/diff/diff-charters.js';
import type { ChangeKind, CharterDiff } from '../../src/diff/diff-model.js';
import { escapeMarkdown } from '../../src/diff/format-markdown.js';
import { rankDurations } from '../../src/diff/rank-durations.js';
import { parseDuration, type Duration } from '../../src/time/duration.js';
import { renderMessage } from '../../src/messages/message.js';
import { writeTree } from '../helpers.js';
import { FORMAT_11_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

/** The changes between two versions of a charter, compared as two files: `kind: text` in English. */
async function changesBetween(before: string, after: string): Promise<{ lines: string[]; charter: CharterDiff | undefined }> {
  const cwd = writeTree({ 'old/unit.yaml': before, 'new/unit.yaml': after });
  const result = await diffCharters({ cwd, paths: [join('old', 'unit.yaml'), join('new', 'unit.yaml')] });
  expect(result.unreadable).toEqual([]);
  const charter = result.charters[0];
  return { lines: (charter?.changes ?? []).map((change) => `${change.kind}: ${renderMessage(change.text, 'en')}`), charter };
}

async function expectChange(after: string, kind: ChangeKind, text: string, before = VALID_UNIT): Promise<CharterDiff | undefined> {
  const { lines, charter } = await changesBetween(before, after);
  expect(lines).toContain(`${kind}: ${text}`);
  return charter;
}

describe('charter diff: what changed in a promise', () => {
  it('finds nothing between a charter and itself', async () => {
    const { lines, charter } = await changesBetween(VALID_UNIT, VALID_UNIT);
    expect(lines).toEqual([]);
    expect(charter).toBeUndefined();
  });

  it('reads a longer time limit as loosened, a shorter one as tightened, across units', async () => {
    const longer = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
    const charter = await expectChange(longer, 'loosened', 'channels.email.reply: longer time limit, 2 working days → 5 working days');
    expect(charter?.needsDecision).toBe(true);
    expect(charter?.changes[0]?.at).toMatchObject({ file: join('new', 'unit.yaml'), line: 43 });
    const week = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 1 week, target: 90% }');
    await expectChange(
      week,
      'changed',
      'channels.email.reply: the time limit changed from 2 working days to 1 week, which cannot be ranked against each other: check it is no weaker',
    );
    const weeks = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 2 weeks, target: 90% }');
    await expectChange(weeks, 'loosened', 'channels.email.reply: longer time limit, 2 working days → 2 weeks');
    const minutes = edit(VALID_UNIT, 'wait: { within: 15 minutes, target: 80% }', 'wait: { within: 1 hour, target: 80% }');
    await expectChange(minutes, 'loosened', 'channels.counter.wait: longer time limit, 15 minutes → 1 hour');
    const faster = edit(VALID_UNIT, 'callback: { within: 1 working day, target: 95% }', 'callback: { within: same working day, target: 95% }');
    const tightened = await expectChange(faster, 'tightened', 'channels.phone.callback: shorter time limit, 1 working day → same working day');
    expect(tightened?.needsDecision).toBe(false);
  });

  it('reads a lower target as loosened and a higher one as tightened', async () => {
    await expectChange(
      edit(VALID_UNIT, 'answer: { within: 30 seconds, target: 90% }', 'answer: { within: 30 seconds, target: 80% }'),
      'loosened',
      'channels.phone.answer: lower target, 90% → 80% of cases within the time limit',
    );
    await expectChange(
      edit(VALID_UNIT, 'answer: { within: 30 seconds, target: 90% }', 'answer: { within: 30 seconds, target: 95% }'),
      'tightened',
      'channels.phone.answer: higher target, 90% → 95% of cases within the time limit',
    );
  });

  it('reads more abandoned calls as loosened, and compares each line and customer group apart', async () => {
    await expectChange(
      edit(FORMAT_11_UNIT, 'abandoned: { atMost: 10% }', 'abandoned: { atMost: 20% }'),
      'loosened',
      'channels.phone[general].abandoned: more calls may go unanswered, at most 10% → 20%',
      FORMAT_11_UNIT,
    );
    await expectChange(
      edit(FORMAT_11_UNIT, '- { within: 1 minute, target: 80%, for: [businesses] }', '- { within: 2 minutes, target: 80%, for: [businesses] }'),
      'loosened',
      'channels.phone[general].answer (for: businesses): longer time limit, 1 minute → 2 minutes',
      FORMAT_11_UNIT,
    );
  });

  it('reads a channel or a promise removed as removed, and one added as added', async () => {
    const noLetter = edit(
      VALID_UNIT,
      '  letter:\n    address: { fi: "PL 1, 00099 Testikaupunki", en: "PO Box 1, FI-00099 Test City" }\n    reply: { within: 10 working days, target: 90% }\n',
      '',
    );
    const charter = await expectChange(noLetter, 'removed', 'channels.letter: the channel is removed, and with it its promises');
    expect(charter?.needsDecision).toBe(true);
    // The letter's promise is told as the channel, not again on its own.
    expect(charter?.changes).toHaveLength(1);
    await expectChange(VALID_UNIT, 'added', 'channels.letter: a new channel', noLetter);
    const noAcknowledge = edit(VALID_UNIT, '    acknowledge: { within: 4 working hours }\n', '');
    await expectChange(noAcknowledge, 'removed', 'channels.email.acknowledge: the promise is removed (it was 4 working hours, 100%)');
    await expectChange(VALID_UNIT, 'added', 'channels.email.acknowledge: a new promise, 4 working hours, 100%', noAcknowledge);
  });

  it('reads shorter opening hours and a closed day added as loosened, the opposite as tightened', async () => {
    const shorter = edit(VALID_UNIT, '- { days: mon-fri, open: "08:00", close: "16:00" }', '- { days: mon-fri, open: "09:00", close: "15:00" }');
    await expectChange(shorter, 'loosened', 'hours: shorter opening hours, mon-fri 08:00–16:00 → mon-fri 09:00–15:00');
    await expectChange(VALID_UNIT, 'tightened', 'hours: longer opening hours, mon-fri 09:00–15:00 → mon-fri 08:00–16:00', shorter);
    const moved = edit(VALID_UNIT, '- { days: mon-fri, open: "08:00", close: "16:00" }', '- { days: mon-fri, open: "09:00", close: "17:00" }');
    await expectChange(moved, 'loosened', 'hours: opening hours changed and some hours are gone, mon-fri 08:00–16:00 → mon-fri 09:00–17:00');
    const closed = edit(VALID_UNIT, '  exceptions:\n', '  exceptions:\n    - { date: 2027-02-02, closed: true }\n');
    await expectChange(closed, 'loosened', 'hours: closed on 2027-02-02 (a new exception)');
    await expectChange(VALID_UNIT, 'tightened', 'hours: the exception on 2027-02-02 (closed) is removed', closed);
    const earlier = edit(VALID_UNIT, 'open: "08:00", close: "12:00", note', 'open: "08:00", close: "10:00", note');
    await expectChange(earlier, 'loosened', 'hours: shorter hours on 2026-12-23, 08:00–12:00 → 08:00–10:00');
    const special = edit(VALID_UNIT, '  exceptions:\n', '  exceptions:\n    - { date: 2027-02-02, open: "10:00", close: "12:00" }\n');
    await expectChange(special, 'loosened', 'hours: different hours on 2027-02-02, 10:00–12:00 (a new exception)');
  });

  it('compares a line’s own hours', async () => {
    const shorter = edit(FORMAT_11_UNIT, 'days: [tue, thu], open: "09:00", close: "12:00"', 'days: [tue], open: "09:00", close: "12:00"');
    await expectChange(shorter, 'loosened', 'channels.phone[sami].hours: shorter opening hours, tue, thu 09:00–12:00 → tue 09:00–12:00', FORMAT_11_UNIT);
  });

  it('tells other changes in words, per language, and cuts a long text to the part that changed', async () => {
    const renamed = edit(VALID_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, en: Trial Unit }');
    await expectChange(renamed, 'words', 'unit.name (en): “Test Unit” → “Trial Unit”');
    const address = edit(VALID_UNIT, 'address: test@example.fi', 'address: other@example.fi');
    await expectChange(address, 'words', 'channels.email.address: test@example.fi → other@example.fi');
    const long = `${'a'.repeat(200)} old ${'b'.repeat(200)}`;
    const before = edit(VALID_UNIT, 'en: We serve **well**.', `en: "${long}"`);
    const after = edit(VALID_UNIT, 'en: We serve **well**.', `en: "${long.replace(' old ', ' new ')}"`);
    await expectChange(after, 'words', `unit.summary (en): “…${'a'.repeat(29)} old ${'b'.repeat(29)}…” → “…${'a'.repeat(29)} new ${'b'.repeat(29)}…”`, before);
  });

  it('does not fail once the decision is recorded in review.approved and review.approvedBy', async () => {
    const longer = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
    const approved = edit(
      edit(longer, 'approved: 2026-09-01', 'approved: 2026-12-01'),
      'approvedBy: { fi: Lautakunta, en: Board }',
      'approvedBy: { fi: Johtokunta, en: Directors }',
    );
    const { charter } = await changesBetween(VALID_UNIT, approved);
    expect(charter).toMatchObject({ needsDecision: false, approval: { approved: '2026-12-01', approvedBy: 'Johtokunta' } });
    const withoutBy = edit(edit(longer, 'approved: 2026-09-01', 'approved: 2026-12-01'), '  approvedBy: { fi: Lautakunta, en: Board }\n', '');
    expect((await changesBetween(VALID_UNIT, withoutBy)).charter).toMatchObject({ needsDecision: true, approval: { approved: '2026-12-01' } });
  });

  it('follows a changed id in the same file', async () => {
    const { charter } = await changesBetween(VALID_UNIT, edit(VALID_UNIT, 'id: test-unit', 'id: renamed-unit'));
    expect(charter).toMatchObject({ id: 'renamed-unit', oldId: 'test-unit', status: 'changed', changes: [] });
  });

  it('pairs two folders by file, then by id, and tells charters added and removed', async () => {
    const other = edit(VALID_UNIT, 'id: test-unit', 'id: other-unit');
    const cwd = writeTree({
      'old/a.yaml': VALID_UNIT,
      'old/gone.yaml': other,
      'new/moved.yaml': edit(VALID_UNIT, 'wait: { within: 15 minutes, target: 80% }', 'wait: { within: 10 minutes, target: 80% }'),
      'new/fresh.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: fresh-unit'),
    });
    const result = await diffCharters({ cwd, paths: ['old', 'new'] });
    expect(result.charters.map((charter) => [charter.file, charter.status, charter.oldFile])).toEqual([
      [join('new', 'fresh.yaml'), 'added', undefined],
      [join('new', 'moved.yaml'), 'changed', join('old', 'a.yaml')],
      [join('old', 'gone.yaml'), 'removed', undefined],
    ]);
  });
});

describe('rankDurations', () => {
  const rank = (a: string, b: string) => rankDurations(parseDuration(a) as Duration, parseDuration(b) as Duration);

  it('ranks 2 working days < 5 working days < 2 weeks, and leaves what a calendar decides unranked', () => {
    expect(rank('2 working days', '5 working days')).toBe(-1);
    expect(rank('5 working days', '2 weeks')).toBe(-1);
    expect(rank('2 weeks', '5 working days')).toBe(1);
    expect(rank('10 working days', '3 weeks')).toBe(-1);
    expect(rank('1 hour', '2 working days')).toBe(-1);
    expect(rank('same working day', '1 month')).toBe(-1);
    expect(rank('immediately', '1 second')).toBe(-1);
    expect(rank('2 hours', '4 working hours')).toBe(-1);
    expect(rank('2 working days', '1 week')).toBeUndefined();
    expect(rank('4 working hours', '1 working day')).toBeUndefined();
    expect(rank('1 month', '30 days')).toBeUndefined();
  });
});

describe('escapeMarkdown', () => {
  it('leaves no link, HTML, mention, reference or control character in charter text', () => {
    const escaped = escapeMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) @team #12 *b* `c` \u001b[2J\nnext | cell');
    expect(escaped).not.toMatch(/[<>\n\u001b]/);
    expect(escaped).not.toMatch(/(?<!\\)[[\]()`*|]/);
    expect(escaped).not.toContain('@');
    expect(escaped).not.toContain('javascript:');
    expect(escaped).toContain('&lt;img');
  });
});
