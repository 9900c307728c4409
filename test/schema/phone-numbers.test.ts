import { describe, expect, it } from 'vitest';
import { diagnosticsFor, positionOf } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

/** The schema's findings when the phone line's number is written as given. */
async function numberFindings(number: string): Promise<{ text: string; found: { message: string; line: number; column: number }[] }> {
  const text = edit(VALID_UNIT, 'number: "+358 9 123 4567"', `number: ${JSON.stringify(number)}`);
  const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
  return { text, found: diagnostics.filter((diagnostic) => diagnostic.ruleId === 'schema') };
}

describe('schema: phone numbers as people write them', () => {
  it.each([
    ['+358 9 123 4567'],
    ['09-123 4567'],
    ['(02) 5550 4100'],
    ['(01234) 567890'],
    ['+44 (0)20 7946 0000'],
    ['112'],
    ['116 117'],
    ['18001'],
    ['+358 9 123 4000 ext. 12'],
    ['+44 20 7946 0000 x 123'],
    ['+358 9 123 4000, alanumero 12'],
    ['+358 9 123 4000 ankn. 12'],
  ])('accepts %s', async (number) => {
    const { found } = await numberFindings(number);
    expect(found).toEqual([]);
  });

  it.each([
    ['call me'],
    ['javascript:alert(1)'],
    ['tel:112'],
    ['11'],
    ['0800 FLOWERS'],
    ['+358 9 123 4000 ext.'],
    ['+358 9 123 4000 extension 12'],
    ['+358 9 123 4000 ext. 1234567'],
    ['(02) 5550 4100 '],
    ['+358 9 123 4000 ext. 12 ext. 13'],
  ])('refuses %j, at the value', async (number) => {
    const { text, found } = await numberFindings(number);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe(
      `\`channels.phone.number\` must be a telephone number such as "+358 9 123 4567", "(02) 5550 4100" or "112" (digits, spaces, hyphens, brackets, an extension as "ext. 12"; quote it) (found \`${number}\`)`,
    );
    expect(found[0]).toMatchObject(positionOf(text, JSON.stringify(number)));
  });
});
