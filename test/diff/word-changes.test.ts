import { describe, expect, it } from 'vitest';
import { changedParts } from '../../src/diff/word-changes.js';
import { unpairedBidi } from '../../src/util/bidi.js';

/** A long text (cut when quoted) with `middle` between 100 letters and 100 more. */
const long = (middle: string) => `${'A'.repeat(100)} ${middle} ${'C'.repeat(100)}`;

describe('changedParts: a long text cut around its change', () => {
  it('closes an isolate of a paired text that the cut leaves open, and drops a closer whose opener it cuts off', () => {
    const [from, to] = changedParts(long(`\u2067${'B'.repeat(10)} word ${'D'.repeat(40)}\u2069`), long(`\u2067${'B'.repeat(10)} verb ${'D'.repeat(40)}\u2069`));
    expect(to).toBe(`…AAAAAAAAAAAAAAAAA \u2067BBBBBBBBBB verb DDDDDDDDDDDDDDDDDDDDDDDDDDDDD\u2069…`);
    expect(unpairedBidi(from)).toEqual([]);
    const [, later] = changedParts(long(`\u2067${'D'.repeat(40)} word ${'B'.repeat(10)}\u2069`), long(`\u2067${'D'.repeat(40)} verb ${'B'.repeat(10)}\u2069`));
    expect(later).toBe(`…DDDDDDDDDDDDDDDDDDDDDDDDDDDDD verb BBBBBBBBBB ${'C'.repeat(17)}…`);
  });

  it('leaves a text whose formatting never paired as it is, for the output to show it', () => {
    const [, to] = changedParts(long(`\u202e${'B'.repeat(10)} word`), long(`\u202e${'B'.repeat(10)} verb`));
    expect(to).toContain(`\u202e${'B'.repeat(10)} verb`);
  });

  it('never cuts a character in two', () => {
    // 😀 and 😁 differ in their second half: the change, and the cut before it, start inside a character.
    const emoji = '\u{1F600}';
    const [from, to] = changedParts(`${emoji.repeat(100)}\u{1F600}${'C'.repeat(100)}`, `${emoji.repeat(100)}\u{1F601}${'C'.repeat(100)}`);
    for (const text of [from, to]) expect(text).not.toMatch(/(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/);
    expect(to.startsWith(`…${emoji}`)).toBe(true);
  });
});
