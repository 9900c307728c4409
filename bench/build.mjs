#!/usr/bin/env node
// Speed of `charter build`, side by side with a plain Eleventy build of the same
// number of equivalent Markdown pages, in one run; and the time `charter serve`
// takes to rebuild after one charter changes.
// Usage: node bench/build.mjs [--size 1000] [--runs 3]
// Needs `npm run build` first (dist/). Work files go to bench/.work/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { builtApi, median, option, root, work } from './shared.mjs';

const size = Number(option('size', '1000'));
const runs = Number(option('runs', '3'));
const today = '2026-11-23';

const { checkCharters, serveSite } = await builtApi();

/** N unit charters that extend the example baseline, ids made unique; and N×3 Markdown pages with the same texts. */
async function generate() {
  const { collection } = await checkCharters({ cwd: root, patterns: ['charters'], today });
  const units = collection.charters.filter((charter) => !charter.isBaseline);
  const project = join(work, `site-${size}`);
  rmSync(project, { recursive: true, force: true });
  const charters = join(project, 'charters');
  const markdown = join(project, 'markdown');
  mkdirSync(charters, { recursive: true });
  mkdirSync(markdown, { recursive: true });
  cpSync(join(root, 'charters', '_organisation.yaml'), join(charters, '_organisation.yaml'));
  for (let index = 0; index < size; index++) {
    const unit = units[index % units.length];
    const source = readFileSync(unit.absolutePath, 'utf8').replace(/^id: .*$/m, `id: ${unit.data.id}-${index + 1}`);
    writeFileSync(join(charters, `${unit.data.id}-${index + 1}.yaml`), source);
    for (const lang of ['fi', 'sv', 'en']) {
      // The same words a charter page shows, as Markdown: title, summary, every text.
      const texts = [];
      const collect = (value) => {
        if (typeof value === 'string') texts.push(value);
        else if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') {
          if (typeof value[lang] === 'string') texts.push(value[lang]);
          else Object.values(value).forEach(collect);
        }
      };
      collect(unit.data);
      const title = unit.data.unit.name[lang];
      const page = `---\ntitle: ${JSON.stringify(title)}\nlayout: page.html\n---\n# ${title}\n\n${texts.map((text) => `- ${text.replace(/\n/g, ' ')}`).join('\n')}\n`;
      // One page for the charter and one for its pocket card, as charter build makes.
      writeFileSync(join(markdown, `${lang}-${unit.data.id}-${index + 1}.md`), page);
      writeFileSync(join(markdown, `${lang}-${unit.data.id}-${index + 1}-card.md`), page);
    }
  }
  mkdirSync(join(markdown, '_includes'), { recursive: true });
  writeFileSync(join(markdown, '_includes', 'page.html'), '<!doctype html><html lang="fi"><title>{{ title }}</title><main>{{ content }}</main></html>\n');
  return project;
}

function time(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  return milliseconds;
}

const project = await generate();
const node = process.execPath;
const charter = join(root, 'bin', 'charter.js');
const eleventy = join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const samples = { charter: [], charterNoSearch: [], eleventy: [] };
for (let run = 0; run < runs; run++) {
  samples.charter.push(time(node, [charter, 'build', '--today', today, '--out', '_site'], project));
  samples.charterNoSearch.push(time(node, [charter, 'build', '--today', today, '--out', '_site', '--no-search'], project));
  samples.eleventy.push(time(node, [eleventy, '--quiet', '--input=markdown', '--output=_plain'], project));
}

// One charter changes under serve: time from the change to the rebuilt site.
let rebuildMilliseconds;
{
  const handle = await serveSite({ cwd: project, today, out: '_serve', port: 0, watch: false }, () => undefined);
  const file = join(
    project,
    'charters',
    readdirSync(join(project, 'charters')).find((name) => !name.startsWith('_')),
  );
  const rebuilds = [];
  for (let run = 0; run < runs; run++) {
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edit ${run}\n`);
    const started = performance.now();
    await handle.rebuild();
    rebuilds.push(performance.now() - started);
  }
  await handle.close();
  rebuildMilliseconds = median(rebuilds);
}

const plain = median(samples.eleventy);
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${size} charters × 3 languages; median of ${runs} interleaved runs\n`,
);
console.log('| command | pages | wall time | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| plain Eleventy, Markdown pages | ${size * 3 * 2} | ${plain.toFixed(0)} ms | 1.00× |`);
console.log(
  `| \`charter build\` (validate, render, search index) | ${size * 3 * 2 + 10} | ${median(samples.charter).toFixed(0)} ms | ${(median(samples.charter) / plain).toFixed(2)}× |`,
);
console.log(
  `| \`charter build --no-search\` | ${size * 3 * 2 + 10} | ${median(samples.charterNoSearch).toFixed(0)} ms | ${(median(samples.charterNoSearch) / plain).toFixed(2)}× |`,
);
console.log(`| \`charter serve\`: rebuild after one charter changes | | ${rebuildMilliseconds.toFixed(0)} ms | |`);
