#!/usr/bin/env node
// Speed of `charter build`, side by side with its peer in one run: plain
// Eleventy building the same number of equivalent Markdown pages, then the
// Pagefind CLI indexing the same charter pages `charter build` indexes, whole
// (a copy of its output without its index; one index per language, from each
// page's <html lang>). The Pagefind CLI on the plain Markdown pages, which
// carry fewer words, is timed too and printed for comparison. Also the time
// `charter serve` takes to rebuild after one charter changes, and to refresh
// the search index afterwards.
// Usage: node bench/build.mjs [--size 1000] [--runs 3]
// Needs `npm run build` first (dist/). Work files go to bench/.work/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { builtApi, median, option, root, work } from './shared.mjs';

const size = Number(option('size', '1000'));
const runs = Number(option('runs', '3'));
const today = '2026-11-23';
const languages = ['fi', 'sv', 'en'];
/** The serve rebuild target, in ms; the build target, as a multiple of the peer. */
const REBUILD_TARGET = 1000;
const BUILD_TARGET = 1.2;

const { checkCharters, serveSite } = await builtApi();

/** The same words a charter page shows in `lang`, from its effective data (baseline merged in): every text. */
function textsOf(data, lang) {
  const texts = [];
  const collect = (value) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      if (typeof value[lang] === 'string') texts.push(value[lang]);
      else Object.values(value).forEach(collect);
    }
  };
  collect(data);
  return texts;
}

/**
 * N unit charters that extend the example baseline, ids made unique; and, for
 * the peer, N×3 Markdown charter pages with the same texts at the same
 * addresses (`/fi/<id>/`), each with its card page (`/fi/<id>/card/`).
 */
async function generate() {
  const { collection } = await checkCharters({ cwd: root, patterns: ['charters'], today });
  const units = collection.charters.filter((charter) => !charter.isBaseline);
  const project = join(work, `site-${size}`);
  rmSync(project, { recursive: true, force: true });
  const charters = join(project, 'charters');
  const markdown = join(project, 'markdown');
  mkdirSync(charters, { recursive: true });
  cpSync(join(root, 'charters', '_organisation.yaml'), join(charters, '_organisation.yaml'));
  for (const lang of languages) mkdirSync(join(markdown, lang), { recursive: true });
  for (let index = 0; index < size; index++) {
    const unit = units[index % units.length];
    const id = `${unit.data.id}-${index + 1}`;
    const source = readFileSync(unit.absolutePath, 'utf8').replace(/^id: .*$/m, `id: ${id}`);
    writeFileSync(join(charters, `${id}.yaml`), source);
    for (const lang of languages) {
      const title = unit.data.unit.name[lang];
      const body = `# ${title}\n\n${textsOf(unit.data, lang)
        .map((text) => `- ${text.replace(/\n/g, ' ')}`)
        .join('\n')}\n`;
      const page = (permalink) => `---\ntitle: ${JSON.stringify(title)}\nlang: ${lang}\nlayout: page.html\npermalink: ${permalink}\n---\n${body}`;
      // One page for the charter and one for its pocket card, as charter build makes.
      writeFileSync(join(markdown, lang, `${id}.md`), page(`/${lang}/${id}/`));
      writeFileSync(join(markdown, lang, `${id}-card.md`), page(`/${lang}/${id}/card/`));
    }
  }
  mkdirSync(join(markdown, '_includes'), { recursive: true });
  writeFileSync(
    join(markdown, '_includes', 'page.html'),
    '<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main>{{ content }}</main></body></html>\n',
  );
  return project;
}

/**
 * How CPU time is measured: bench/cpu-time.py counts the whole process tree
 * (the search indexer charter starts may outlive charter by a moment, and GNU
 * time would miss it); GNU time where Python is missing; else none.
 */
const cpuTool = (() => {
  if (process.platform === 'linux' && spawnSync('python3', ['-c', '0']).status === 0) return ['python3', [join(root, 'bench', 'cpu-time.py')]];
  if (existsSync('/usr/bin/time')) return ['/usr/bin/time', ['-f', '\n@@cpu %U %S']];
  return undefined;
})();

/**
 * Runs a command to its end: wall time, and CPU time (user + system of the
 * command and every process it started). CPU time is the fairer figure while
 * others load the machine.
 */
function time(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const [file, args] = cpuTool ? [cpuTool[0], [...cpuTool[1], command, ...commandArgs]] : [command, commandArgs];
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN };
}

/** Adds two timings (the peer's two steps). */
const plus = (a, b) => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const loadBefore = load();
const project = await generate();
const node = process.execPath;
const charter = join(root, 'bin', 'charter.js');
const eleventy = join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const pagefind = join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const samples = { charter: [], charterNoSearch: [], eleventy: [], pagefind: [], pagefindSame: [], peer: [], peerMarkdown: [] };
/** The pages `charter build` wrote, without its search index: what the peer's Pagefind step indexes. */
function copyCharterPages() {
  const same = join(project, '_same');
  rmSync(same, { recursive: true, force: true });
  cpSync(join(project, '_site'), same, { recursive: true, filter: (path) => !/[\\/]pagefind$/.test(path) });
}
for (let run = 0; run < runs; run++) {
  samples.charterNoSearch.push(time(node, [charter, 'build', '--today', today, '--out', '_site', '--no-search'], project));
  // With search last, so that its index is there to count the words of.
  samples.charter.push(time(node, [charter, 'build', '--today', today, '--out', '_site'], project));
  copyCharterPages();
  rmSync(join(project, '_plain'), { recursive: true, force: true });
  const built = time(node, [eleventy, '--quiet', '--input=markdown', '--output=_plain'], project);
  // Only the charter pages, as charter build indexes them (cards are one level further down).
  const indexedSame = time(node, [pagefind, '--site', '_same', '--glob', '*/*/index.html', '--silent'], project);
  const indexed = time(node, [pagefind, '--site', '_plain', '--glob', '*/*/index.html', '--silent'], project);
  samples.eleventy.push(built);
  samples.pagefind.push(indexed);
  samples.pagefindSame.push(indexedSame);
  samples.peer.push(plus(built, indexedSame));
  samples.peerMarkdown.push(plus(built, indexed));
}
/**
 * The words Pagefind indexed per charter page, by language, read from the
 * fragments it wrote (one gzipped JSON record per page). Its indexing time
 * follows this count, so it is printed for both sides.
 */
function indexedWords(fragmentFolders) {
  const byLang = new Map();
  for (const folder of fragmentFolders) {
    for (const name of readdirSync(folder)) {
      const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
      const { url, word_count: words } = JSON.parse(text.slice(text.indexOf('{')));
      const lang = url.split('/')[1];
      byLang.set(lang, [...(byLang.get(lang) ?? []), words]);
    }
  }
  return [...byLang]
    .sort(([a], [b]) => languages.indexOf(a) - languages.indexOf(b))
    .map(([lang, counts]) => `${lang} ${Math.round(counts.reduce((sum, count) => sum + count, 0) / counts.length)}`)
    .join(', ');
}
const peerWords = indexedWords([join(project, '_same', 'pagefind', 'fragment')]);
const markdownWords = indexedWords([join(project, '_plain', 'pagefind', 'fragment')]);
const charterWords = indexedWords(languages.map((lang) => join(project, '_site', lang, 'pagefind', 'fragment')));
const peerLanguages = Object.keys(JSON.parse(readFileSync(join(project, '_same', 'pagefind', 'pagefind-entry.json'), 'utf8')).languages);

// One charter changes under serve: time from the change to the rebuilt pages,
// and to the search index serve refreshes once changes settle.
const rebuilds = [];
const reindexes = [];
/** CPU time of this process (serve runs in it, its worker threads included) during each rebuild. */
const rebuildCpu = [];
{
  let indexed;
  const handle = await serveSite({ cwd: project, today, out: '_serve', port: 0, watch: false }, (event) => {
    if (event.type === 'indexed') indexed?.(event.milliseconds);
  });
  const file = join(
    project,
    'charters',
    readdirSync(join(project, 'charters')).find((name) => !name.startsWith('_')),
  );
  for (let run = 0; run < runs; run++) {
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edit ${run}\n`);
    const reindexed = new Promise((resolve) => (indexed = resolve));
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await handle.rebuild();
    rebuilds.push(performance.now() - started);
    const cpuUsed = process.cpuUsage(cpuBefore);
    rebuildCpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    reindexes.push(await reindexed);
  }
  await handle.close();
}

const wall = (list) => median(list.map((sample) => sample.wall));
const cpu = (list) => median(list.map((sample) => sample.cpu));
const peerWall = wall(samples.peer);
const peerCpu = cpu(samples.peer);
const ms = (value) => (Number.isNaN(value) ? '–' : `${value.toFixed(0)} ms`);
const ratio = (value, peer) => (Number.isNaN(value) ? '–' : `${(value / peer).toFixed(2)}×`);
const row = (name, pages, list) =>
  console.log(`| ${name} | ${pages} | ${ms(wall(list))} | ${ratio(wall(list), peerWall)} | ${ms(cpu(list))} | ${ratio(cpu(list), peerCpu)} |`);

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${size} charters × 3 languages; median of ${runs} interleaved runs`,
);
console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after\n`);
console.log('| command | pages | wall time | ratio | CPU time | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
row('plain Eleventy, Markdown pages', size * 3 * 2, samples.eleventy);
row(`Pagefind CLI, the same charter pages whole (one index each for ${peerLanguages.join(', ')})`, size * 3, samples.pagefindSame);
row('**peer: Eleventy + Pagefind CLI on the same pages**', size * 3 * 2, samples.peer);
row('(for comparison) Pagefind CLI on the Markdown pages', size * 3, samples.pagefind);
row('(for comparison) Eleventy + Pagefind CLI on the Markdown pages', size * 3 * 2, samples.peerMarkdown);
row('`charter build` (validate, render, search index)', size * 3 * 2 + 10, samples.charter);
row('`charter build --no-search`', size * 3 * 2 + 10, samples.charterNoSearch);
// The search step's cost, as the difference of the two medians (charter build indexes in the same process run).
const searchStep = { wall: wall(samples.charter) - wall(samples.charterNoSearch), cpu: cpu(samples.charter) - cpu(samples.charterNoSearch) };
console.log(
  `| \`charter build\`: its search index (the difference) | ${size * 3} | ${ms(searchStep.wall)} | ${ratio(searchStep.wall, peerWall)} | ${ms(searchStep.cpu)} | ${ratio(searchStep.cpu, peerCpu)} |`,
);
console.log(`| \`charter serve\`: rebuild after one charter changes | | ${ms(median(rebuilds))} | | ${ms(median(rebuildCpu))} | |`);
console.log(`| \`charter serve\`: then the search index, once changes settle | | ${ms(median(reindexes))} | | | |`);
console.log('');
console.log(
  `indexed words per charter page (Pagefind's count): peer (the same pages) ${peerWords}; charter build ${charterWords}; Markdown pages ${markdownWords}`,
);
const buildRatio = wall(samples.charter) / peerWall;
const rebuild = median(rebuilds);
console.log(
  `target: charter build at most ${BUILD_TARGET}× the peer: ${buildRatio <= BUILD_TARGET ? 'met' : 'NOT met'} (${buildRatio.toFixed(2)}× wall, ${(cpu(samples.charter) / peerCpu).toFixed(2)}× CPU)`,
);
console.log(
  `target: serve rebuild at most ${REBUILD_TARGET} ms: ${rebuild <= REBUILD_TARGET ? 'met' : 'NOT met'} (${rebuild.toFixed(0)} ms; runs ${rebuilds.map((value) => value.toFixed(0)).join(', ')} ms)`,
);
