import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCardFile, makeCards, type CardsResult } from '../../src/cards/make-cards.js';
import { chromiumAvailable } from '../browser/chromium.js';
import { liveProcesses, positionOf, runCli, tempFolder, writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const repoRoot = join(import.meta.dirname, '..', '..');
/** jsQR is CommonJS with a default export; take it through require for plain typing. */
const jsQR = (createRequire(import.meta.url)('jsqr') as { default: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null })
  .default;
const runCardTests = chromiumAvailable();
const BASE_URL = 'https://intranet.example.fi/charters/';
const UNITS = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];

function pdfinfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? '' };
}

function pdftext(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** Decodes the QR code on a page rendered at print resolution. */
function qrOnPage(file: string, page: number): string | undefined {
  const prefix = join(tempFolder(), 'page');
  execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

function examples(): string {
  const cwd = tempFolder('file');
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  return cwd;
}

describe.runIf(runCardTests)('charter cards', () => {
  let cwd: string;
  let a6: CardsResult;
  beforeAll(async () => {
    cwd = examples();
    a6 = await makeCards({ cwd, today: '2026-11-23', baseUrl: BASE_URL });
  }, 120_000);

  it('prints one PDF per charter and language, front and back, at exactly A6', () => {
    expect(a6.ok).toBe(true);
    // Every example card fits its size, QR code included.
    expect(a6.results.flatMap((result) => result.diagnostics)).toEqual([]);
    for (const lang of ['fi', 'sv', 'en']) {
      for (const unit of UNITS) {
        const file = join(cwd, '_site', 'cards', lang, `${unit}-a6.pdf`);
        // 105 × 148 mm = 297.638 × 419.528 pt.
        expect(pdfinfo(file)).toEqual({ pages: 2, size: '297.638 x 419.528' });
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      }
    }
  });

  it('writes the text in the card’s language', () => {
    const card = (lang: string) => join(cwd, '_site', 'cards', lang, 'city-library-a6.pdf');
    expect(pdftext(card('fi'), 1)).toContain('Kaupunginkirjasto');
    expect(pdftext(card('sv'), 1)).toContain('Stadsbiblioteket');
    expect(pdftext(card('en'), 1)).toContain('City Library');
  });

  it('imposes the cards on A4 sheets: fronts, then backs', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const sheet = join(cwd, '_site', 'cards', 'sheets', `${lang}-a6-a4.pdf`);
      // Four A6 cards fill one sheet: a front page and a back page.
      expect(pdfinfo(sheet)).toEqual({ pages: 2, size: '595.276 x 841.89' });
    }
    expect(pdftext(join(cwd, '_site', 'cards', 'sheets', 'fi-a6-a4.pdf'), 1)).toContain('Rakennusvalvonta');
  });

  it('puts a QR code that leads to the charter’s page', () => {
    // The back first, where the card puts it: each page takes seconds to render and search.
    const card = join(cwd, '_site', 'cards', 'sv', 'registry-office-a6.pdf');
    const decoded = qrOnPage(card, 2) ?? qrOnPage(card, 1);
    expect(decoded).toBe(`${BASE_URL}sv/registry-office/`);
  });

  it('writes each card as a web page too, styled wherever it is saved', () => {
    const html = readFileSync(join(cwd, '_site', 'cards', 'fi', 'city-library-a6.html'), 'utf8');
    expect(html).toContain('card--a6');
    // The stylesheet is inline: no link that leads nowhere when the page is saved on its own.
    expect(html).not.toContain('<link rel="stylesheet"');
    expect(html).toMatch(/<style>[^]*@page card-a6 \{[^]*<\/style>/);
    expect(html).not.toContain('<script');
    // A copy sits beside the cards too, for anyone restyling them.
    expect(readFileSync(join(cwd, '_site', 'cards', 'assets', 'charter.css'), 'utf8')).toBe(
      readFileSync(join(repoRoot, 'site', 'assets', 'charter.css'), 'utf8'),
    );
    expect(html).toContain('data:image/svg+xml;base64,');
  });

  it.each(['a7', 'credit-card'] as const)(
    'prints %s cards at their trim size',
    async (size) => {
      const result = await makeCards({ cwd, today: '2026-11-23', size, out: `cards-${size}` });
      expect(result.ok).toBe(true);
      const expected = size === 'a7' ? '209.764 x 297.638' : '240.945 x 155.906';
      expect(pdfinfo(join(cwd, `cards-${size}`, 'en', `building-control-${size}.pdf`))).toEqual({ pages: 2, size: expected });
      // Four cards: one sheet (8 A7 or 10 credit cards fit on one).
      expect(pdfinfo(join(cwd, `cards-${size}`, 'sheets', `en-${size}-a4.pdf`)).pages).toBe(2);
    },
    120_000,
  );
});

/** A second unit beside VALID_UNIT, so that a run prints more than one charter. */
const OTHER_UNIT = edit(VALID_UNIT, 'id: test-unit', 'id: other-unit');

/** The files of a cards folder, sorted, with `/` between folders. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(folder.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

describe.runIf(runCardTests)('cards of several sizes in one folder', () => {
  it('keep each other: a run replaces only the cards of its size, removing those of charters gone', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'charters/other.yaml': OTHER_UNIT });
    const out = join(cwd, '_site', 'cards');
    expect((await runCli(['cards', '--today', '2026-11-23'], cwd)).code).toBe(0);
    expect((await runCli(['cards', '--today', '2026-11-23', '--size', 'a7'], cwd)).code).toBe(0);
    const cards = (id: string, size: string): string[] => ['en', 'fi'].flatMap((lang) => [`${lang}/${id}-${size}.html`, `${lang}/${id}-${size}.pdf`]);
    const sheets = (size: string): string[] => [`sheets/en-${size}-a4.pdf`, `sheets/fi-${size}-a4.pdf`];
    const both = [...cards('other-unit', 'a6'), ...cards('other-unit', 'a7'), ...cards('test-unit', 'a6'), ...cards('test-unit', 'a7')];
    expect(filesIn(out)).toEqual(['.charter-site', 'assets/charter.css', ...both, ...sheets('a6'), ...sheets('a7')].sort());

    // A failed run leaves every file as it was.
    const before = readFileSync(join(out, 'fi', 'test-unit-a7.pdf'));
    const failed = await runCli(['cards', '--today', '2026-11-23', '--size', 'a7', '--chromium', '/nonexistent/chromium'], cwd);
    expect(failed.code).toBe(2);
    expect(filesIn(out)).toEqual(['.charter-site', 'assets/charter.css', ...both, ...sheets('a6'), ...sheets('a7')].sort());
    expect(readFileSync(join(out, 'fi', 'test-unit-a7.pdf')).equals(before)).toBe(true);

    // The other unit is gone: its A7 cards go with the next A7 run, its A6 cards stay until an A6 run.
    rmSync(join(cwd, 'charters', 'other.yaml'));
    expect((await runCli(['cards', '--today', '2026-11-23', '--size', 'a7'], cwd)).code).toBe(0);
    expect(filesIn(out)).toEqual(
      [
        '.charter-site',
        'assets/charter.css',
        ...cards('other-unit', 'a6'),
        ...cards('test-unit', 'a6'),
        ...cards('test-unit', 'a7'),
        ...sheets('a6'),
        ...sheets('a7'),
      ].sort(),
    );
    expect(readdirSync(join(cwd, '_site')).sort()).toEqual(['cards']);
  }, 180_000);
});

describe.runIf(runCardTests)('charter cards --logo --css --fill', () => {
  it('prints the theme on the cards and a whole sheet of a single charter', async () => {
    const png = new PNG({ width: 7, height: 5 });
    png.data.fill(200);
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      'theme/logo.png': PNG.sync.write(png),
      // The logo as the theme's background of the card's title (its own place on the card is the template's), and a mark in the text.
      'theme/city.css': '.card__name::after { content: " THEMED"; } .card__title { background: url(logo.png) no-repeat; }',
    });
    const result = await runCli(['cards', '--today', '2026-11-23', '--logo', 'theme/logo.png', '--css', 'theme/city.css', '--fill'], cwd);
    expect(result.code).toBe(0);
    const out = join(cwd, '_site', 'cards');
    const card = join(out, 'en', 'test-unit-a6.pdf');
    expect(pdftext(card, 1)).toContain('THEMED');
    // The logo, served to Chromium from the file named, is in the PDF at its size.
    expect(execFileSync('pdfimages', ['-list', card], { encoding: 'utf8' })).toMatch(/^\s*1\s+\d+\s+image\s+7\s+5\s/m);
    // The page written beside the PDF carries the theme's stylesheet inline; copies sit beside it.
    const html = readFileSync(join(out, 'en', 'test-unit-a6.html'), 'utf8');
    expect(html).not.toContain('href="../assets/theme/city.css"');
    expect(html).toContain(readFileSync(join(cwd, 'theme', 'city.css'), 'utf8').trim());
    expect(readFileSync(join(out, 'assets', 'theme', 'logo.png')).equals(readFileSync(join(cwd, 'theme', 'logo.png')))).toBe(true);
    // One charter, four A6 slots: one sheet, the card four times on it.
    const sheet = join(out, 'sheets', 'en-a6-a4.pdf');
    expect(pdfinfo(sheet).pages).toBe(2);
    const once = (pdftext(card, 1).match(/THEMED/g) ?? []).length;
    expect((pdftext(sheet, 1).match(/THEMED/g) ?? []).length).toBe(4 * once);
  }, 120_000);

  it('serves the printed page the theme files and nothing else', async () => {
    const { CardPrinter } = await import('../../src/cards/render-pdf.js');
    const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
    const printer = await CardPrinter.start(undefined, 1, new Map([['/assets/theme/logo.svg', { body: logo, contentType: 'image/svg+xml' }]]));
    try {
      const probes = [
        '/assets/theme/logo.svg',
        '/assets/charter.css',
        '/assets/theme/other.svg',
        '/assets/..%2f..%2fpackage.json',
        '/assets/theme/..%2fcharter.css',
        '/package.json',
      ];
      // Synchronous requests, so that the answers are on the page before it prints.
      const html = `<!doctype html><html lang="en"><title>probe</title><style>@page { size: 105mm 148mm; margin: 0 }</style><p id="out"></p><script>
        document.getElementById('out').textContent = ${JSON.stringify(probes)}.map((path) => {
          const request = new XMLHttpRequest();
          try { request.open('GET', path, false); request.send(); return path + '=' + request.status; } catch { return path + '=refused'; }
        }).join(' ');
      </script></html>`;
      const { pdf } = await printer.print(html, '/en/probe.html', 'a6');
      const file = join(tempFolder(), 'probe.pdf');
      writeFileSync(file, pdf);
      const text = pdftext(file, 1).replace(/\s+/g, ' ');
      expect(text).toContain('/assets/theme/logo.svg=200');
      expect(text).toContain('/assets/charter.css=200');
      for (const refused of probes.slice(2)) expect(text).toContain(`${refused}=refused`);
    } finally {
      await printer.close();
    }
  }, 60_000);

  it('refuses a logo that is not an image a card can show, before printing', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'logo.txt': 'not an image' });
    const result = await runCli(['cards', '--today', '2026-11-23', '--logo', 'logo.txt', '--locale', 'fi'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: --logo logo.txt: ei ole kuva, jonka kortti voi näyttää: anna PNG-, JPEG-, GIF-, WebP- tai SVG-tiedosto\n');
    expect(readdirSync(cwd).sort()).toEqual(['charters', 'logo.txt']);
  });
});

describe('the files a run of one size replaces', () => {
  it('are its cards and sheets, and nothing else', () => {
    for (const path of ['fi/building-control-a6.pdf', 'sv/unit-2-a6.html', 'smn/x-a6.pdf', 'en-GB/unit-a6.pdf', 'sheets/fi-a6-a4.pdf', 'sheets/se-a6-a4.pdf']) {
      expect(isCardFile(path, 'a6')).toBe(true);
    }
    for (const path of [
      'fi/building-control-a7.pdf',
      'fi/unit-a7-a6.txt',
      'fi/notes.pdf',
      'fi/sub/unit-a6.pdf',
      'assets/charter.css',
      'assets/x-a6.pdf',
      'sheets/fi-a7-a4.pdf',
      'sheets/notes-a6.pdf',
      '.charter-site',
      'unit-a6.pdf',
    ]) {
      expect(isCardFile(path, 'a6')).toBe(false);
    }
    expect(isCardFile('fi/unit-credit-card.pdf', 'credit-card')).toBe(true);
    expect(isCardFile('fi/unit-credit-card.pdf', 'a6')).toBe(false);
  });
});

describe('charter cards --copies', () => {
  it.each(['0', '-1', '2.5', 'two', '101', '1e2'])('refuses %s before anything starts, exit 2', async (copies) => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['cards', '--copies', copies], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `charter: option '--copies <n>' argument '${copies}' is invalid: expected a whole number of copies from 1 to 100.\n`,
    });
    expect(readdirSync(cwd)).toEqual(['charters']);
  });

  it('is checked by makeCards too, before any work', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    await expect(makeCards({ cwd, copies: 0 })).rejects.toThrow(RangeError);
    expect(readdirSync(cwd)).toEqual(['charters']);
  });
});

describe.runIf(runCardTests)('the fit check', () => {
  // No figures in it: the Finnish text has none, and languages-consistent would say so.
  const longRule = Array.from({ length: 60 }, () => 'One more sentence of a rule nobody could carry in a pocket.').join(' ');
  const text = edit(
    VALID_UNIT,
    'text: { fi: Jokainen viesti saa vastauksen., en: Every message gets a reply. }',
    `text: { fi: Jokainen viesti saa vastauksen., en: "${longRule}" }`,
  );

  it('points at the text that does not fit, in its language, measured in the browser', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': text });
    const result = await runCli(['cards', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    expect(result.code).toBe(1);
    const { line, column } = positionOf(text, `"${longRule.slice(0, 20)}`);
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\s+${line}:${column}\\s+error\\s+on the en a6 card's back, \`guide\\[0\\]\\.text\\.en\` does not fit \\(about \\d+ mm too long\\); shorten`,
        'm',
      ),
    );
    expect(existsSync(join(cwd, '_site', 'cards', 'en', 'test-unit-a6.pdf'))).toBe(true);
    // The Finnish card fits.
    expect(result.stdout).not.toMatch(/on the fi a6 card/);
  }, 120_000);

  it('is the same error in charter validate --check-cards, which exits 1', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': text });
    const plain = await runCli(['validate', '--today', '2026-11-23'], cwd);
    expect(plain).toEqual({ code: 0, stdout: '\u2713 1 charter file checked, no problems\n', stderr: '' });
    const checked = await runCli(['validate', '--check-cards', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' });
    expect(checked.code).toBe(1);
    const { line, column } = positionOf(text, `"${longRule.slice(0, 20)}`);
    expect(checked.stdout).toMatch(new RegExp(`\\s${line}:${column}\\s+error\\s+on the en a6 card's back, \`guide\\[0\\]\\.text\\.en\` does not fit`));
  }, 120_000);
});

describe('charter cards without Chromium', () => {
  it('says in one line how to get it, exits 2, and writes nothing', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['cards', '--chromium', '/nonexistent/chromium', '--today', '2026-11-23'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: printing cards needs Chromium, and there is none at /nonexistent/chromium: install it (apt-get install chromium) or name it with --chromium PATH\n',
    );
    expect(existsSync(join(cwd, '_site'))).toBe(false);
    expect(readdirSync(cwd).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('says so in one line when --chromium names a FIFO or a file that cannot be run', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'chromium.txt': 'not a program' });
    execFileSync('mkfifo', [join(cwd, 'pipe')]);
    const fifo = await runCli(['cards', '--chromium', join(cwd, 'pipe'), '--today', '2026-11-23'], cwd);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toBe(
      `charter: printing cards needs Chromium, and ${join(cwd, 'pipe')} is a FIFO (named pipe), not a program: install it (apt-get install chromium) or name it with --chromium PATH\n`,
    );
    const text = await runCli(['cards', '--chromium', join(cwd, 'chromium.txt'), '--today', '2026-11-23'], cwd);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^charter: printing cards needs Chromium, and .*chromium\.txt is not a program this account may run: install it/);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});

describe.runIf(runCardTests)('charter cards that cannot go on', () => {
  const browsers = (): string[] =>
    liveProcesses({ parent: process.pid })
      .map((info) => info.command)
      .filter((command) => /chrom/i.test(command));

  it('refuses an --out below a file in one line, before Chromium starts', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, afile: 'mine' });
    const result = await runCli(['cards', '--out', 'afile/cards', '--today', '2026-11-23'], cwd);
    expect(result).toMatchObject({ code: 2, stderr: 'charter: refusing to build into afile/cards: afile is a file, not a folder\n' });
    expect(readFileSync(join(cwd, 'afile'), 'utf8')).toBe('mine');
    expect(browsers()).toEqual([]);
  });

  it.runIf(existsSync('/bin/true'))(
    'says so in one line when Chromium does not start, and leaves nothing behind',
    async () => {
      const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
      const result = await runCli(['cards', '--chromium', '/bin/true', '--today', '2026-11-23'], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^charter: printing cards needs Chromium, and the one at \/bin\/true did not start \([^\n]+\): reinstall it \(apt-get install chromium\) or name another with --chromium PATH\n$/,
      );
      expect(readdirSync(cwd)).toEqual(['charters']);
      expect(browsers()).toEqual([]);
    },
    60_000,
  );
});
