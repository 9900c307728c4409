import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../browser/chromium.js';
import { positionOf, runCli, writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

const BASE_URL = 'https://intranet.example.fi/palvelulupaus/';
const LONG_RULE = Array.from({ length: 40 }, (_, index) => `Lause ${index + 1} säännöstä, jota kukaan ei jaksa kantaa taskussaan.`).join(' ');

/** The card-fit lines of a stylish report. */
function fitLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.includes('card-fit'));
}

describe.runIf(chromiumAvailable())('one fit measurement in validate --check-cards and cards', () => {
  it('reports the same error, at the text in its language, with the same figure and exit code', async () => {
    const text = edit(
      VALID_UNIT,
      'text: { fi: Jokainen viesti saa vastauksen., en: Every message gets a reply. }',
      `text: { fi: "${LONG_RULE}", en: Every message gets a reply. }`,
    );
    const cwd = writeTree({ 'charters/unit.yaml': text });
    const options = ['--size', 'a7', '--base-url', BASE_URL, '--today', '2026-11-23'];
    const validated = await runCli(['validate', '--check-cards', 'a7', '--base-url', BASE_URL, '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    const printed = await runCli(['cards', ...options], cwd, { NO_COLOR: '1' });
    expect(validated.code).toBe(1);
    expect(printed.code).toBe(1);
    const { line, column } = positionOf(text, `"${LONG_RULE.slice(0, 20)}`);
    const [finding, ...others] = fitLines(validated.stdout);
    expect(others).toEqual([]);
    expect(finding).toMatch(
      new RegExp(
        `^\\s+${line}:${column}\\s+error\\s+on the fi a7 card's back, \`guide\\[0\\]\\.text\\.fi\` does not fit \\(about \\d+ mm too long\\); shorten this text by about \\d+ characters \\(\\d+ lines\\), or print a larger card \\(--size a6\\)\\s+card-fit$`,
      ),
    );
    expect(fitLines(printed.stdout)).toEqual([finding]);
    // The English card, with its short rule, fits.
    expect(validated.stdout).not.toMatch(/on the en a7 card/);
  }, 180_000);

  it('measures with the theme charter cards is given, and refuses a theme without --check-cards', async () => {
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      // A theme whose large type no A7 front holds, and a logo.
      'theme/large.css': '.card__side--front, .card__side--front * { font-size: 16pt !important; }\n',
      'theme/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>',
    });
    const theme = ['--css', 'theme/large.css', '--logo', 'theme/logo.svg', '--today', '2026-11-23'];
    const plain = await runCli(['validate', '--check-cards', 'a7', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    expect(fitLines(plain.stdout)).toEqual([]);
    const validated = await runCli(['validate', '--check-cards', 'a7', ...theme], cwd, { NO_COLOR: '1' });
    const printed = await runCli(['cards', '--size', 'a7', ...theme], cwd, { NO_COLOR: '1' });
    expect(validated.code).toBe(1);
    expect(fitLines(validated.stdout).length).toBeGreaterThan(0);
    expect(fitLines(printed.stdout)).toEqual(fitLines(validated.stdout));
    const refused = await runCli(['validate', '--logo', 'theme/logo.svg'], cwd, { NO_COLOR: '1' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--logo is part of the cards');
  }, 180_000);

  it('points a text inherited from the baseline into the baseline', async () => {
    // Three rules of some 1,900 characters each: far more than an A6 back holds, so more than one text must go.
    const rules = [1, 2, 3].map((rule) =>
      Array.from({ length: 30 }, (_, index) => `Sääntö ${rule}, lause ${index + 1}: pidä lupaus.`)
        .join(' ')
        .slice(0, 1900),
    );
    const guide = rules
      .map((rule, index) => `  - title: { fi: Sääntö ${index + 1}, en: Rule ${index + 1} }\n    text: { fi: "${rule}", en: Short. }\n`)
      .join('');
    const baseline = `${BASELINE}guide:\n${guide}`;
    const cwd = writeTree({ 'charters/_base.yaml': baseline, 'charters/small-unit.yaml': EXTENDING_UNIT });
    const result = await runCli(['validate', '--check-cards', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    expect(result.code).toBe(1);
    const report = result.stdout.split('\n');
    expect(report.find((entry) => entry.endsWith('.yaml'))).toMatch(/_base\.yaml$/);
    const finding =
      /^\s+(\d+):(\d+)\s+error\s+on the fi a6 card's back, `guide\[(\d)\]\.text\.fi` does not fit .*; shorten the texts on this side by about \d+ lines/.exec(
        fitLines(result.stdout).join('\n'),
      );
    expect(finding, result.stdout).not.toBeNull();
    const rule = rules[Number(finding?.[3])] ?? '';
    const { line, column } = positionOf(baseline, `"${rule}`);
    expect([Number(finding?.[1]), Number(finding?.[2])]).toEqual([line, column]);
    // The largest size: no advice to print a larger one.
    expect(result.stdout).not.toMatch(/larger card/);
  }, 180_000);
});

describe.runIf(chromiumAvailable())('an address longer than the line', () => {
  it('is an error where the address is written: it never breaks, so the edge would cut it', async () => {
    const address = `asiakaspalvelu.${'pitkaosoite'.repeat(5)}@example.fi`;
    const text = edit(VALID_UNIT, 'address: test@example.fi', `address: ${address}`);
    const cwd = writeTree({ 'charters/unit.yaml': text });
    const result = await runCli(['validate', '--check-cards', 'a7', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    expect(result.code).toBe(1);
    const { line, column } = positionOf(text, address);
    const lines = fitLines(result.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const finding of lines) {
      expect(finding).toMatch(
        new RegExp(
          `^\\s+${line}:${column}\\s+error\\s+on the (fi|en) a7 card's front, \`channels\\.email\\.address\` is cut off at the edge \\(about \\d+ mm too wide\\): an address or number, which never breaks, is longer than the line; shorten it by about \\d+ characters, or print a larger card \\(--size a6\\)\\s+card-fit$`,
        ),
      );
    }
  }, 180_000);
});

describe('validate --base-url', () => {
  it('is a usage error without --check-cards, in the reader’s language', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect(await runCli(['validate', '--base-url', BASE_URL], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "charter: --base-url is the address of the cards' QR code and is used only with --check-cards: add --check-cards, or leave --base-url out\n",
    });
    const finnish = await runCli(['validate', '--base-url', BASE_URL, '--locale', 'fi'], cwd);
    expect(finnish.stderr).toMatch(/^charter: --base-url on korttien QR-koodin osoite/);
  });
});
