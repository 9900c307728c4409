#!/usr/bin/env node
// Speed of `charter validate`, side by side with its baselines, measured in one run:
//   node -e 0                  the floor: starting Node and doing nothing
//   charter validate           one file, then N synthetic charters
//   ajv-cli validate           the same files against the same schema, schema only
// Usage: node bench/validate.mjs [--sizes 1000,10000] [--runs 5]
// Needs `npm run build` first (dist/). Synthetic charters go to bench/.work/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { stringify } from 'yaml';
import { builtApi, median, option, root, work } from './shared.mjs';

const sizes = option('sizes', '1000,10000').split(',').filter(Boolean).map(Number);
const runs = Number(option('runs', '5'));
const today = '2026-11-23';

const { checkCharters } = await builtApi();

/**
 * Writes `count` standalone charters (baseline merged in) made from the example units.
 * Dates and times are quoted: ajv-cli reads YAML 1.1, where bare 2026-09-01 is a
 * date and 16:00 a number, so only then do the files mean the same to both tools.
 */
async function generate(count) {
  const { collection } = await checkCharters({ cwd: root, patterns: ['charters'], today });
  const units = collection.charters.filter((charter) => !charter.isBaseline);
  const folder = join(work, `charters-${count}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const unit = units[index % units.length];
    const data = { ...unit.data, id: `${unit.data.id}-${index + 1}` };
    delete data.extends;
    const yaml = stringify(data, { lineWidth: 0 })
      .replace(/: (\d{4}-\d{2}-\d{2})$/gm, ': "$1"')
      .replace(/(date|approved|next): (\d{4}-\d{2}-\d{2})([,}])/g, '$1: "$2"$3')
      .replace(/(open|close): (\d{2}:\d{2})/g, '$1: "$2"');
    const text = `# yaml-language-server: $schema=../../../schema/charter.schema.json\n${yaml}`;
    writeFileSync(join(folder, `${data.id}.yaml`), text);
  }
  return folder;
}

function time(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${(result.stderr || result.stdout).slice(0, 2000)}`);
  }
  return milliseconds;
}

/** Runs each command `times` times, interleaved so that machine noise hits all alike. */
function measure(commands, times) {
  const samples = commands.map(() => []);
  for (let run = 0; run < times; run++) {
    commands.forEach(([command, commandArgs], index) => samples[index].push(time(command, commandArgs)));
  }
  return samples.map(median);
}

const node = process.execPath;
const charter = join(root, 'bin', 'charter.js');
const ajv = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const schema = join(root, 'schema', 'charter.schema.json');
const ajvArgs = (data) => [ajv, 'validate', '-s', schema, '-d', data, '--strict=false', '--all-errors', '--errors=text'];

const rows = [];
const oneFolder = await generate(1);
const oneFile = join(oneFolder, 'building-control-1.yaml');
const [bare, charterOne, ajvOne] = measure(
  [
    [node, ['-e', '0']],
    [node, [charter, 'validate', oneFile, '--today', today]],
    [node, ajvArgs(oneFile)],
  ],
  Math.max(runs * 2, 10),
);
rows.push(['`node -e 0`', 1, bare, bare]);
rows.push(['`charter validate`', 1, charterOne, bare]);
rows.push(['`ajv validate` (ajv-cli 5)', 1, ajvOne, bare]);

for (const size of sizes) {
  const folder = await generate(size);
  const [charterMany, ajvMany] = measure(
    [
      [node, [charter, 'validate', folder, '--today', today]],
      [node, ajvArgs(`${folder}/*.yaml`)],
    ],
    size >= 10_000 ? Math.max(1, Math.ceil(runs / 2)) : runs,
  );
  rows.push([`\`charter validate\``, size, charterMany, ajvMany]);
  rows.push([`\`ajv validate\` (ajv-cli 5)`, size, ajvMany, ajvMany]);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Node ${process.version}, ${cpus().length} × ${cpu}; median of interleaved runs\n`);
console.log('| command | files | wall time | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const [label, files, milliseconds, baseline] of rows) {
  const ratioLabel = files === 1 ? 'vs `node -e 0`' : 'vs ajv-cli';
  console.log(`| ${label} | ${files} | ${milliseconds.toFixed(0)} ms | ${(milliseconds / baseline).toFixed(2)}× ${ratioLabel} |`);
}
