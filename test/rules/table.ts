import { expect, it } from 'vitest';
import { diagnosticsFor, positionOf } from '../helpers.js';
import { BASELINE, VALID_UNIT, edit } from '../fixtures/charters.js';
import { renderMessage } from '../../src/messages/message.js';

/** One row of a rule's table: edits to the valid fixture and what the rule should say. */
export interface RuleCase {
  readonly name: string;
  /** [from, to] replacements applied to VALID_UNIT (each `from` must occur once). */
  readonly edits?: readonly (readonly [string, string])[];
  /** Extra files beside unit.yaml (for baselines and collections). */
  readonly files?: Readonly<Record<string, string>>;
  /** Use this text for unit.yaml instead of the edited fixture. */
  readonly text?: string;
  readonly today?: string;
  /** Expected findings of the rule under test; empty means valid. */
  readonly expected: readonly {
    readonly severity?: 'error' | 'warning';
    /** A unique snippet of unit.yaml where the finding must start. */
    readonly at?: string;
    /** Or an explicit file and line. */
    readonly file?: string;
    readonly line?: number;
    readonly message: RegExp;
  }[];
}

export { BASELINE, VALID_UNIT };

export function ruleTable(ruleId: string, cases: readonly RuleCase[]): void {
  it.each(cases.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const text = row.text ?? (row.edits ?? []).reduce((current, [from, to]) => edit(current, from, to), VALID_UNIT);
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text, ...row.files }, { today: row.today ?? '2026-11-23' });
    const found = diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
    const others = diagnostics.filter((diagnostic) => diagnostic.ruleId !== ruleId);
    expect(others, `no other rule should fire:\n${JSON.stringify(others, null, 1)}`).toEqual([]);
    expect(
      found.map((diagnostic) => diagnostic.message),
      JSON.stringify(found, null, 1),
    ).toHaveLength(row.expected.length);
    row.expected.forEach((expected, index) => {
      const diagnostic = found[index];
      expect(diagnostic?.message).toMatch(expected.message);
      if (expected.severity) expect(diagnostic?.severity).toBe(expected.severity);
      if (expected.at) {
        expect(diagnostic?.file).toBe('charters/unit.yaml');
        expect({ line: diagnostic?.line, column: diagnostic?.column }).toEqual(positionOf(text, expected.at));
      }
      if (expected.file) expect(diagnostic?.file).toBe(expected.file);
      if (expected.line) expect(diagnostic?.line).toBe(expected.line);
    });
    // Every finding is a catalog message, said in Finnish and Swedish too.
    for (const diagnostic of found) {
      const text = diagnostic.text;
      expect(text, `${diagnostic.message} has no message data`).toBeDefined();
      if (!text) continue;
      expect(renderMessage(text, 'en')).toBe(diagnostic.message);
      for (const locale of ['fi', 'sv'] as const) expect(renderMessage(text, locale), `${locale}: ${diagnostic.message}`).not.toBe(diagnostic.message);
    }
  });
}
