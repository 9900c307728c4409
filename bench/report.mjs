#!/usr/bin/env node
// Speed and memory of `charter report`, side by side with its baseline, measured in one run:
//   parse only        bench/parse-only.mjs: the same file, stream and CsvParser as the
//                     report, counting records and nothing else
//   charter report    node bin/charter.js report <log> --format json -o <tmp> --as-of …
// Each runs as a separate process, interleaved, several times; wall times are medians,
// peak RSS is the largest of the runs (from /usr/bin/time -f %M, else /proc VmHWM), in MB
// of 10^6 bytes.
// Usage: node bench/report.mjs [--rows 1000000] [--runs 5]
// Needs `npm run build` first (dist/). The log is made once, with scripts/generate-events.mjs,
// as bench/.work/events-<rows>.csv; delete it to make it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { median, option, requireBuild, root, work } from './shared.mjs';

const rows = Number(option('rows', '1000000'));
const runs = Number(option('runs', '5'));
const asOf = '2026-11-21T00:00:00+02:00';
// The same dates and seed as the bundled sample, only more rows.
const generatorArgs = ['--rows', String(rows), '--from', '2025-12-01', '--to', '2026-11-20', '--seed', '2026'];
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 300;

requireBuild();

const node = process.execPath;
const log = join(work, `events-${rows}.csv`);
if (!existsSync(log)) {
  mkdirSync(work, { recursive: true });
  const partial = `${log}.partial`;
  const started = performance.now();
  const made = spawnSync(node, [join(root, 'scripts', 'generate-events.mjs'), ...generatorArgs, '--out', partial], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) {
    console.error(`bench: generating the log failed:\n${made.stderr}`);
    process.exit(1);
  }
  renameSync(partial, log);
  console.log(`made ${log} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const megabytes = statSync(log).size / 1e6;
const output = join(tmpdir(), `charter-report-bench-${process.pid}.json`);

const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command once: wall milliseconds and peak RSS in MB. */
async function time(command, commandArgs) {
  const env = { ...process.env, NO_COLOR: '1' };
  if (timeTool) {
    const started = process.hrtime.bigint();
    const result = spawnSync(timeTool, ['-f', '%M', command, ...commandArgs], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
    const kilobytes = Number(result.stderr.trim().split('\n').pop());
    return { milliseconds, rssMb: (kilobytes * 1024) / 1e6, stdout: result.stdout };
  }
  // No GNU time: poll the child's high-water mark in /proc while it runs.
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // Gone already.
      }
    }, 10);
    child.on('close', (code) => {
      clearInterval(poll);
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}:\n${stderr.slice(0, 2000)}`));
      else resolvePromise({ milliseconds, rssMb: peakKb ? (peakKb * 1024) / 1e6 : Number.NaN, stdout });
    });
  });
}

/** Runs each command `times` times, interleaved so that machine noise hits all alike. */
async function measure(commands, times) {
  const samples = commands.map(() => []);
  for (let run = 0; run < times; run++) {
    for (const [index, [command, commandArgs]] of commands.entries()) samples[index].push(await time(command, commandArgs));
  }
  return samples;
}

const parseOnly = [node, [join(root, 'bench', 'parse-only.mjs'), log]];
const report = [node, [join(root, 'bin', 'charter.js'), 'report', log, '--format', 'json', '-o', output, '--as-of', asOf]];
let samples;
try {
  samples = await measure([parseOnly, report], runs);
  // Both read the same rows: the report's count must match the parser's (less the header).
  const parsed = JSON.parse(samples[0][0].stdout);
  const result = JSON.parse(readFileSync(output, 'utf8'));
  if (result.rows.read !== parsed.records - 1) {
    throw new Error(`the report read ${result.rows.read} rows, the parser ${parsed.records - 1}`);
  }
  if (result.rows.bad > 0) console.log(`note: the report found ${result.rows.bad} bad rows in the generated log`);
} finally {
  rmSync(output, { force: true });
}

const dataRows = JSON.parse(samples[0][0].stdout).records - 1;
const [baseline, subject] = samples.map((list) => ({
  milliseconds: median(list.map((sample) => sample.milliseconds)),
  rssMb: Math.max(...list.map((sample) => sample.rssMb)),
}));
const ratio = subject.milliseconds / baseline.milliseconds;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Node ${process.version}, ${cpus().length} × ${cpu}; median of ${runs} interleaved runs; peak RSS is the largest run\n`);
console.log(`log: ${dataRows.toLocaleString('en')} rows, ${megabytes.toFixed(0)} MB (bench/.work/${log.split(/[\\/]/).pop()})\n`);
console.log('| command | wall time | ratio | rows/s | peak RSS |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, figures] of [
  ['parse only (`CsvParser`, bench/parse-only.mjs)', baseline],
  ['`charter report --format json`', subject],
]) {
  const perSecond = Math.round(dataRows / (figures.milliseconds / 1000)).toLocaleString('en');
  console.log(
    `| ${label} | ${figures.milliseconds.toFixed(0)} ms | ${(figures.milliseconds / baseline.milliseconds).toFixed(2)}× | ${perSecond} | ${figures.rssMb.toFixed(0)} MB |`,
  );
}
console.log('');
console.log(`target: at most ${TARGET_RATIO}× the parse-only time: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`);
console.log(`target: report peak RSS under ${TARGET_RSS_MB} MB: ${subject.rssMb < TARGET_RSS_MB ? 'met' : 'NOT met'} (${subject.rssMb.toFixed(0)} MB)`);
