#!/usr/bin/env node
// Time per pocket card: `charter cards` (validate, render, print, fix page
// boxes, impose sheets) side by side with a bare Chromium `page.pdf()` of the
// same card HTML, in one run, with the same browser flags.
// Usage: node bench/cards.mjs [--size 100]   (needs `npm run build` and /usr/bin/chromium)
import { mkdirSync, readFileSync, rmSync, writeFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { builtApi, option, root, work } from './shared.mjs';

const size = Number(option('size', '100')) || 100;
const today = '2026-11-23';
const { checkCharters, makeCards } = await builtApi();

// N charters from the examples, ids made unique, one language each would be
// too kind: all keep their three languages, so N charters make 3N cards.
const project = join(work, `cards-${size}`);
rmSync(project, { recursive: true, force: true });
mkdirSync(join(project, 'charters'), { recursive: true });
cpSync(join(root, 'charters', '_organisation.yaml'), join(project, 'charters', '_organisation.yaml'));
const { collection } = await checkCharters({ cwd: root, patterns: ['charters'], today });
const units = collection.charters.filter((charter) => !charter.isBaseline);
const perLanguage = Math.ceil(size / 3);
for (let index = 0; index < perLanguage; index++) {
  const unit = units[index % units.length];
  writeFileSync(
    join(project, 'charters', `${unit.data.id}-${index + 1}.yaml`),
    readFileSync(unit.absolutePath, 'utf8').replace(/^id: .*$/m, `id: ${unit.data.id}-${index + 1}`),
  );
}

// charter cards, whole.
let started = performance.now();
const result = await makeCards({ cwd: project, today, out: 'cards', baseUrl: 'https://intranet.example.fi/charters/' });
const charterTime = performance.now() - started;
if (!result.ok) throw new Error('the synthetic charters are not valid');
const cardCount = result.cards.length;

// Bare Chromium: the same card pages, loaded the same way, page.pdf() and nothing else.
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
const { buildSite } = await builtApi();
await buildSite({ cwd: project, today, out: '_site', search: false });
const page = await browser.newPage();
const css = readFileSync(join(root, 'site', 'assets', 'charter.css'));
let html = '';
await page.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.pathname.startsWith('/assets/')) return route.fulfill({ body: css, contentType: 'text/css' });
  return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
});
const cardPages = [];
for (const lang of ['fi', 'sv', 'en']) {
  for (const id of readdirSync(join(project, '_site', lang))) {
    const file = join(project, '_site', lang, id, 'card', 'index.html');
    if (existsSync(file)) cardPages.push({ url: `/${lang}/${id}/card/`, html: readFileSync(file, 'utf8') });
  }
}
started = performance.now();
for (const card of cardPages.slice(0, cardCount)) {
  html = card.html;
  await page.goto(`http://charter.invalid${card.url}`);
  await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
}
const bareTime = performance.now() - started;
await browser.close();

const perCard = charterTime / cardCount;
const barePerCard = bareTime / Math.min(cardCount, cardPages.length);
console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${cardCount} cards (A6)\n`);
console.log('| command | cards | per card | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| bare Chromium \`page.pdf()\` | ${Math.min(cardCount, cardPages.length)} | ${barePerCard.toFixed(1)} ms | 1.00× |`);
console.log(
  `| \`charter cards\` (validate, print, page boxes, A4 sheets) | ${cardCount} | ${perCard.toFixed(1)} ms | ${(perCard / barePerCard).toFixed(2)}× |`,
);
