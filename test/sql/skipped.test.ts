import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../fixtures/charters.js';
import { SAMI_BASELINE, SAMI_SERVICE_POINT, SAMI_SERVICE_POINT_AS_OF } from '../fixtures/sami-service-point.js';
import { runCli, tempFolder } from '../helpers.js';

describe('promises the query cannot measure', () => {
  it('are left out with a comment in the query and a note on standard error', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'charters'));
    writeFileSync(
      join(folder, 'charters', '_pohjoinen.yaml'),
      edit(SAMI_BASELINE, 'averageAnswer: { within: 8 minutes }', 'averageAnswer: { within: 1 month }'),
    );
    writeFileSync(join(folder, 'charters', 'inari-service-point.yaml'), SAMI_SERVICE_POINT);
    const result = await runCli(['sql', '--dialect', 'duckdb', '--from', '2027-01', '--to', '2027-01', '--as-of', SAMI_SERVICE_POINT_AS_OF], folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^charter: note: inari-service-point: phone general answer is left out of the SQL query \(an average time in months or years\); charter report measures it$/m,
    );
    expect(result.stdout).toMatch(/^-- promise \d+ is not measured here: average-in-months/m);
  });
});
