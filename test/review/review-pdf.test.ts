import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReviewPack } from '../../src/review/review-pack.js';
import { chromiumAvailable } from '../browser/chromium.js';
import { VALID_UNIT } from '../fixtures/charters.js';
import { writeTree } from '../helpers.js';

// Under CI a missing Chromium fails here (chromiumAvailable throws); elsewhere the tests are skipped, saying so.
const runPdfTests = chromiumAvailable();

function pdfinfo(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

// Chromium on a busy two-core machine: a timeout with room.
describe.runIf(runPdfTests)('charter review prints the pack with Chromium', { timeout: 120_000 }, () => {
  it('writes each pack as HTML and as a tagged A4 PDF in its language', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await makeReviewPack({ cwd, asOf: new Date('2026-11-30T12:00:00+02:00') });
    expect(result.ok).toBe(true);
    expect(result.ok && result.pdfSkipped).toBeFalsy();
    const files = readdirSync(join(cwd, '_review'), { recursive: true, encoding: 'utf8' }).filter((path) => /\.(html|pdf)$/.test(path));
    expect(files.sort()).toEqual(['en/test-unit.html', 'en/test-unit.pdf', 'fi/test-unit.html', 'fi/test-unit.pdf']);
    const info = pdfinfo(join(cwd, '_review', 'fi', 'test-unit.pdf'));
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Tarkistusaineisto: /);
    const text = execFileSync('pdftotext', [join(cwd, '_review', 'fi', 'test-unit.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Muutokset edellisen hyväksynnän jälkeen');
    expect(text).toContain('Mitä lupasimme?');
  });

  it('writes only PDF files with --format pdf', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await makeReviewPack({ cwd, asOf: new Date('2026-11-30T12:00:00+02:00'), format: 'pdf', charters: ['test-unit'] });
    expect(result.ok && result.files).toEqual(['fi/test-unit.pdf', 'en/test-unit.pdf']);
  });
});
