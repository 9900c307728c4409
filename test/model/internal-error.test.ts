import { describe, expect, it } from 'vitest';
import { internalError } from '../../src/model/internal-error.js';
import { message, renderMessage } from '../../src/messages/message.js';

describe('internal-error findings', () => {
  it('name the part that failed and the error, in fi, sv and en', () => {
    const finding = internalError(message('rules.internal-error.rule', { rule: 'review-due' }), 'unit.yaml', new Error('boom\nstack'));
    expect(finding).toMatchObject({
      ruleId: 'internal-error',
      severity: 'error',
      message: 'the rule `review-due` failed on this file (boom); please report this',
      file: 'unit.yaml',
      line: 1,
      column: 1,
    });
    const text = finding.text;
    if (!text) throw new Error('no message data');
    expect(renderMessage(text, 'fi')).toBe(
      'sääntö `review-due` epäonnistui tämän tiedoston kohdalla (boom); ilmoita virheestä `charter`-työkalun ylläpitäjille',
    );
    expect(renderMessage(text, 'sv')).toBe('regeln `review-due` misslyckades med den här filen (boom); rapportera felet till dem som underhåller `charter`');
  });

  it('still take the failed part in plain English, and are then English only', () => {
    const finding = internalError('the YAML reader', 'unit.yaml', 'odd');
    expect(finding.message).toBe('the YAML reader failed on this file (odd); please report this');
    expect(finding.text).toBeUndefined();
  });
});
