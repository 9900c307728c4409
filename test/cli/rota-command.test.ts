import { describe, expect, it } from 'vitest';
import { runCli, tempFolder, writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

const TODAY = '2026-11-23';

/** Reviewed every 3 months from 2026-09-01 by three people in turn; the switchboard's name is per language. */
const ROTA_UNIT = edit(
  edit(edit(VALID_UNIT, 'every: 12 months', 'every: 3 months'), 'next: 2027-09-01', 'next: 2026-12-01'),
  'rota: [head, clerk]',
  'rota: [head, switchboard, clerk]',
);

function unit(id: string, ...edits: [from: string, to: string][]): string {
  return edits.reduce((text, [from, to]) => edit(text, from, to), edit(ROTA_UNIT, 'id: test-unit', `id: ${id}`));
}

/** Fails the test with the output when a run did not exit as expected. */
function expectExit(result: { code: number; stdout: string; stderr: string }, code: number): void {
  expect(result, `${result.stdout}\n${result.stderr}`).toMatchObject({ code });
}

describe('charter rota', () => {
  it('lists who reviews each period from the one that holds today, with names in the first language', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '3'], cwd);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'charters/unit.yaml  Testiyksikkö (test-unit)',
        '  approved 2026-09-01, reviewed every 3 months; next review due 2026-12-01, in 8 days',
        '  now  2026-09-01 – 2026-11-30  head         Liisa Esimerkki',
        '       2026-12-01 – 2027-02-28  switchboard  Vaihde',
        '       2027-03-01 – 2027-05-31  clerk        Matti Meikäläinen',
        '',
      ].join('\n'),
    });
  });

  it('shows names and ids from the charter without their control characters reaching the terminal', async () => {
    const hostile = edit(ROTA_UNIT, 'name: Liisa Esimerkki', 'name: "Liisa\\e[2J\\a Esimerkki"');
    const cwd = writeTree({ 'charters/unit.yaml': hostile });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1'], cwd);
    expect(result.stdout).toContain('head  Liisa\\u001b[2J\\u0007 Esimerkki');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = await runCli(['rota', '--today', TODAY, '--periods', '1', '--format', 'json'], cwd);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('Liisa\\u001b[2J\\u0007 Esimerkki');
  });

  it('refuses a review interval beyond ten years as a rota that cannot be worked out, without crashing', async () => {
    for (const every of ['999999 months', '999999 weeks', '999999 days']) {
      const cwd = writeTree({ 'charters/unit.yaml': edit(ROTA_UNIT, 'every: 3 months', `every: ${every}`) });
      const result = await runCli(['rota', '--today', TODAY], cwd);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain(`must be whole days, weeks or months, such as \`12 months\`, and at most 10 years, for a rota (found \`${every}\`)`);
      expect(result.stderr).not.toContain('unexpected error');
    }
  });

  it('lists four periods by default from the approval, and wraps around the rota', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const { stdout } = await runCli(['rota', '--today', '2026-12-01'], cwd);
    expect(stdout.split('\n').slice(2)).toEqual([
      '       2026-09-01 – 2026-11-30  head         Liisa Esimerkki',
      '  now  2026-12-01 – 2027-02-28  switchboard  Vaihde',
      '       2027-03-01 – 2027-05-31  clerk        Matti Meikäläinen',
      '       2027-06-01 – 2027-08-31  head         Liisa Esimerkki',
      '',
    ]);
  });

  it('starts from the period that holds today once it is not among the first ones', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const { stdout } = await runCli(['rota', '--today', '2027-06-15', '--periods', '2'], cwd);
    expect(stdout.split('\n').slice(2)).toEqual([
      '  now  2027-06-01 – 2027-08-31  head         Liisa Esimerkki',
      '       2027-09-01 – 2027-11-30  switchboard  Vaihde',
      '',
    ]);
  });

  it('uses the first language the charter declares for names', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(ROTA_UNIT, 'languages: [fi, en]', 'languages: [en, fi]') });
    const { stdout } = await runCli(['rota', '--today', TODAY, '--periods', '2'], cwd);
    expect(stdout).toContain('charters/unit.yaml  Test Unit (test-unit)\n');
    expect(stdout).toContain('       2026-12-01 – 2027-02-28  switchboard  Switchboard\n');
  });

  it('counts from the approval period, and says so, when today is before the approval', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': unit('future', ['approved: 2026-09-01', 'approved: 2027-01-31'], ['next: 2026-12-01', 'next: 2027-04-30']) });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '3'], cwd);
    expectExit(result, 0);
    expect(result.stdout.split('\n')).toEqual([
      'charters/unit.yaml  Testiyksikkö (future)',
      '  approved 2027-01-31, reviewed every 3 months; next review due 2027-04-30, in 158 days',
      `  the approval date 2027-01-31 is after today (${TODAY}): the rota starts with the approval period`,
      '       2027-01-31 – 2027-04-29  head         Liisa Esimerkki',
      '       2027-04-30 – 2027-07-30  switchboard  Vaihde',
      '       2027-07-31 – 2027-10-30  clerk        Matti Meikäläinen',
      '',
    ]);
  });

  it('resolves reviewers from the contacts a unit inherits, and does not list baselines', async () => {
    const inheriting = edit(EXTENDING_UNIT, '  next: 2027-09-01\n', '  next: 2027-09-01\n  rota: [switchboard, head]\n');
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': inheriting });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '2'], cwd);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'charters/small.yaml  Pieni yksikkö (small-unit)',
        '  approved 2026-09-01, reviewed every 12 months; next review due 2027-09-01, in 282 days',
        '  now  2026-09-01 – 2027-08-31  switchboard  Vaihde',
        '       2027-09-01 – 2028-08-31  head         Liisa Esimerkki',
        '',
      ].join('\n'),
    });
  });

  it('lists a charter without a rota with the reason, and still exits 0', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT, 'charters/unit.yaml': ROTA_UNIT });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1'], cwd);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'charters/small.yaml  Pieni yksikkö (small-unit)',
        '  approved 2026-09-01, reviewed every 12 months; next review due 2027-09-01, in 282 days',
        '  no rota: the charter has no `review.rota`',
        '',
        'charters/unit.yaml  Testiyksikkö (test-unit)',
        '  approved 2026-09-01, reviewed every 3 months; next review due 2026-12-01, in 8 days',
        '  now  2026-09-01 – 2026-11-30  head  Liisa Esimerkki',
        '',
      ].join('\n'),
    });
  });

  it('still prints the rota of a charter whose review is overdue (exit 0): it says who should do it', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': unit('stale', ['next: 2026-12-01', 'next: 2026-11-01']) });
    expectExit(await runCli(['validate', '--today', TODAY], cwd), 1);
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1'], cwd);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'charters/unit.yaml  Testiyksikkö (stale)',
        '  approved 2026-09-01, reviewed every 3 months; next review was due 2026-11-01, 22 days ago: overdue',
        '  now  2026-09-01 – 2026-11-30  head  Liisa Esimerkki',
        '',
      ].join('\n'),
    });
  });

  it('lists a charter whose rota names someone who is not a contact with that error, and exits 1', async () => {
    // The charter has an error (reference-exists), so it is not normalized: no periods are worked out from it.
    const cwd = writeTree({ 'charters/unit.yaml': unit('ghost', ['rota: [head, switchboard, clerk]', 'rota: [head, ghost]']) });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '2'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'charters/unit.yaml  ghost',
      '  error: the charter has errors, so its rota is not worked out: 14:16 unknown contact `ghost`; add it under `contacts` or use one of: switchboard, head, clerk',
      '',
    ]);
    expect(result.stderr).toBe('charter: 1 charter has a rota that cannot be worked out right; fix it (charter validate shows where)\n');
  });

  it('gives the reason for an unusable `every` or `approved`, and exits 1', async () => {
    const cwd = writeTree({
      'charters/a.yaml': unit('working-days', ['every: 3 months', 'every: 3 working days']),
      'charters/b.yaml': unit('no-approval', ['  approved: 2026-09-01\n', '']),
    });
    const result = await runCli(['rota', '--today', TODAY], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'charters/a.yaml  Testiyksikkö (working-days)\n' +
        '  approved 2026-09-01, reviewed every 3 working days; next review due 2026-12-01, in 8 days\n' +
        '  error: `review.every` must be whole days, weeks or months, such as `12 months`, and at most 10 years, for a rota (found `3 working days`)\n\n',
    );
    // Without `approved` the charter fails the schema: it is listed with its first error.
    expect(result.stdout).toContain(
      'charters/b.yaml  no-approval\n' +
        '  error: the charter has errors, so its rota is not worked out: 9:1 `review` is missing the required key `approved`\n',
    );
    expect(result.stderr).toBe('charter: 2 charters have a rota that cannot be worked out right; fix them (charter validate shows where)\n');
  });

  it('lists a file that does not load with its first error, and exits 1', async () => {
    const cwd = writeTree({ 'charters/broken.yaml': 'charter: 1\nid: [\n', 'charters/unit.yaml': ROTA_UNIT });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^charters\/broken\.yaml\n {2}error: could not be read: \d+:\d+ .+\n\ncharters\/unit\.yaml {2}Testiyksikkö/);
    expect(result.stdout).toContain('  now  2026-09-01 – 2026-11-30  head  Liisa Esimerkki\n');
  });

  it('prints a JSON document with every charter and its periods', async () => {
    const cwd = writeTree({
      'charters/_base.yaml': BASELINE,
      'charters/small.yaml': EXTENDING_UNIT,
      'charters/unit.yaml': ROTA_UNIT,
      'charters/z.yaml': unit('ghost', ['rota: [head, switchboard, clerk]', 'rota: [ghost]']),
    });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '2', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { today: string; charters: Record<string, unknown>[] };
    expect(document.today).toBe(TODAY);
    expect(document.charters.map((charter) => charter.file)).toEqual(['charters/small.yaml', 'charters/unit.yaml', 'charters/z.yaml']);
    expect(document.charters[0]).toMatchObject({
      id: 'small-unit',
      periods: [],
      problems: [{ severity: 'note', message: 'no rota: the charter has no `review.rota`' }],
    });
    expect(document.charters[1]).toEqual({
      file: 'charters/unit.yaml',
      loaded: true,
      id: 'test-unit',
      name: 'Testiyksikkö',
      language: 'fi',
      every: '3 months',
      approved: '2026-09-01',
      next: { date: '2026-12-01', inDays: 8, status: 'due-soon' },
      beforeApproval: false,
      periods: [
        { from: '2026-09-01', to: '2026-11-30', current: true, period: 0, reviewer: { id: 'head', name: 'Liisa Esimerkki', known: true } },
        { from: '2026-12-01', to: '2027-02-28', current: false, period: 1, reviewer: { id: 'switchboard', name: 'Vaihde', known: true } },
      ],
      problems: [],
    });
    expect(document.charters[2]).toMatchObject({ id: 'ghost', loaded: false, periods: [], problems: [{ severity: 'error' }] });
  });

  it('reads another folder with --charters, or the paths given', async () => {
    const cwd = writeTree({ 'units/_base.yaml': BASELINE, 'units/small.yaml': EXTENDING_UNIT, 'units/unit.yaml': ROTA_UNIT });
    const fromFolder = await runCli(['rota', '--charters', 'units', '--today', TODAY, '--periods', '1'], cwd);
    expectExit(fromFolder, 0);
    expect(fromFolder.stdout).toContain('units/small.yaml  Pieni yksikkö (small-unit)\n');
    expect(fromFolder.stdout).toContain('units/unit.yaml  Testiyksikkö (test-unit)\n');
    const onePath = await runCli(['rota', 'units/unit.yaml', '--today', TODAY, '--periods', '1'], cwd);
    expectExit(onePath, 0);
    expect(onePath.stdout).toBe(
      'units/unit.yaml  Testiyksikkö (test-unit)\n' +
        '  approved 2026-09-01, reviewed every 3 months; next review due 2026-12-01, in 8 days\n' +
        '  now  2026-09-01 – 2026-11-30  head  Liisa Esimerkki\n',
    );
    // Paths and --charters together: the paths are read, and --charters is the folder `extends` may not leave.
    const both = await runCli(['rota', 'units/small.yaml', '--charters', 'units', '--today', TODAY, '--periods', '1'], cwd);
    expect(both).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'units/small.yaml  Pieni yksikkö (small-unit)\n' +
        '  approved 2026-09-01, reviewed every 12 months; next review due 2027-09-01, in 282 days\n' +
        '  no rota: the charter has no `review.rota`\n',
    });
  });

  it('says so when there are only baselines', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE });
    const result = await runCli(['rota', '--today', TODAY], cwd);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'charter: no unit charters to list (baselines, files named _*.yaml, have no rota of their own)\n' });
    const json = await runCli(['rota', '--today', TODAY, '--format', 'json'], cwd);
    expect(JSON.parse(json.stdout)).toEqual({ today: TODAY, charters: [] });
  });

  it('marks the current period in bold with --color', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const { stdout } = await runCli(['rota', '--today', TODAY, '--periods', '1', '--color'], cwd);
    expect(stdout).toContain('\u001b[1mnow  2026-09-01 – 2026-11-30  head  Liisa Esimerkki\u001b[22m');
  });

  it.each([
    [['--periods', '0'], /^charter: option '--periods <n>' argument '0' is invalid: expected a whole number of periods from 1 to 999\.\n$/],
    [['--periods', 'many'], /argument 'many' is invalid/],
    [['--periods', '1000'], /argument '1000' is invalid/],
    [['--today', '2026-02-30'], /expected a date such as 2026-11-23/],
    [['--format', 'xml'], /argument 'xml' is invalid; allowed choices are table, json/],
    [['--charters', 'nowhere'], /^charter: cannot read --charters nowhere: no such folder\n$/],
    [['--charters', 'charters/unit.yaml'], /^charter: --charters charters\/unit\.yaml is not a folder; name charter files without --charters\n$/],
    [['missing.yaml'], /^charter: cannot read missing\.yaml: no such file or folder\n$/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const result = await runCli(['rota', ...argv], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when there is no charters folder', async () => {
    const result = await runCli(['rota'], tempFolder());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'charter: cannot read charters: no such file or folder\n' });
  });
});
