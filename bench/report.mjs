#!/usr/bin/env node
// Speed and memory of `charter report`, side by side with its baseline, measured in one run:
//   parse only        bench/parse-only.mjs: the same file, stream and CsvParser as the
//                     report, counting records and nothing else
//   charter report    node bin/charter.js report <log> --format json -o <tmp> --as-of …
// Each runs as a separate process, interleaved, several times; wall and CPU times
// (user + system, all threads) are medians, peak RSS is the largest of the runs (from
// /usr/bin/time -f %M, else /proc VmHWM), in MB of 10^6 bytes.
// Usage: node bench/report.mjs [--sizes 1000000,10000000] [--rows 1000000] [--runs 5] [--same-as <checkout>]
//   --sizes   logs of these many rows, one after another (default: 1,000,000 and 10,000,000)
//   --rows    one size only (the same as --sizes N)
//   --same-as instead of timing, checks that this checkout's report JSON is byte for byte the
//             one of another built checkout (say, a worktree of main), on the bundled sample
//             log and on each size's log: a change meant only for speed must not change it
// Needs `npm run build` first (dist/). Each log is made once, with scripts/generate-events.mjs,
// as bench/.work/events-<rows>.csv (10 million rows: about 840 MB, 40 s); delete it to make it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { median, option, requireBuild, root, work } from './shared.mjs';

const sizes = (option('sizes', undefined) ?? option('rows', '1000000,10000000')).split(',').map(Number);
const runs = Number(option('runs', '5'));
const asOf = '2026-11-21T00:00:00+02:00';
const TARGET_RATIO = 2;
/** Peak RSS targets by log size: a million rows under 300 MB, ten million under 600 MB. */
const TARGET_RSS_MB = (rows) => (rows > 1_000_000 ? 600 : 300);

requireBuild();

const node = process.execPath;

/** The generated log of `rows` rows, made once (the same dates and seed as the bundled sample, only more rows). */
function logOf(rows) {
  const log = join(work, `events-${rows}.csv`);
  if (existsSync(log)) return log;
  mkdirSync(work, { recursive: true });
  const partial = `${log}.partial`;
  const started = performance.now();
  const generatorArgs = ['--rows', String(rows), '--from', '2025-12-01', '--to', '2026-11-20', '--seed', '2026'];
  const made = spawnSync(node, [join(root, 'scripts', 'generate-events.mjs'), ...generatorArgs, '--out', partial], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) {
    console.error(`bench: generating the log failed:\n${made.stderr}`);
    process.exit(1);
  }
  renameSync(partial, log);
  console.log(`made ${log} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return log;
}

const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command once: wall and CPU milliseconds, and peak RSS in MB. */
async function time(command, commandArgs) {
  const env = { ...process.env, NO_COLOR: '1' };
  if (timeTool) {
    const started = process.hrtime.bigint();
    const result = spawnSync(timeTool, ['-f', '%U %S %M', command, ...commandArgs], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
    const [user, system, kilobytes] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { milliseconds, cpuMs: (user + system) * 1000, rssMb: (kilobytes * 1024) / 1e6, stdout: result.stdout };
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
      else resolvePromise({ milliseconds, cpuMs: Number.NaN, rssMb: peakKb ? (peakKb * 1024) / 1e6 : Number.NaN, stdout });
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

/** Measures one log: parse only and the report, interleaved; the medians and the largest RSS of each. */
async function measureLog(rows) {
  const log = logOf(rows);
  const output = join(tmpdir(), `charter-report-bench-${process.pid}.json`);
  const parseOnly = [node, [join(root, 'bench', 'parse-only.mjs'), log]];
  const report = [node, [join(root, 'bin', 'charter.js'), 'report', log, '--format', 'json', '-o', output, '--as-of', asOf]];
  const loads = [loadavg()[0]];
  let samples;
  try {
    samples = await measure([parseOnly, report], runs);
    loads.push(loadavg()[0]);
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
  const [baseline, subject] = samples.map((list) => ({
    milliseconds: median(list.map((sample) => sample.milliseconds)),
    cpuMs: median(list.map((sample) => sample.cpuMs)),
    rssMb: Math.max(...list.map((sample) => sample.rssMb)),
  }));
  return { rows, dataRows: JSON.parse(samples[0][0].stdout).records - 1, megabytes: statSync(log).size / 1e6, baseline, subject, loads };
}

/** Whether this checkout and `other` write the same report JSON for each log (exits 1 if not). */
function compareWith(other) {
  let differ = false;
  for (const log of [join(root, 'charters', 'sample-events.csv'), ...sizes.map(logOf)]) {
    const [mine, theirs] = [root, other].map((checkout, index) => {
      const output = join(tmpdir(), `charter-report-same-${process.pid}-${index}.json`);
      const made = spawnSync(node, [join(checkout, 'bin', 'charter.js'), 'report', log, '--format', 'json', '-o', output, '--as-of', asOf], {
        cwd: root,
        encoding: 'utf8',
      });
      if (made.status !== 0 && made.status !== 1) throw new Error(`${checkout}: the report failed (${made.status}):\n${made.stderr.slice(0, 2000)}`);
      const text = readFileSync(output);
      rmSync(output, { force: true });
      return text;
    });
    const same = mine.equals(theirs);
    differ ||= !same;
    console.log(`${same ? 'same' : 'DIFFERENT'}: ${log} (${mine.length.toLocaleString('en')} bytes of JSON)`);
  }
  process.exit(differ ? 1 : 0);
}

const sameAs = option('same-as', undefined);
if (sameAs !== undefined) compareWith(sameAs);

const results = [];
for (const rows of sizes) results.push(await measureLog(rows));

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Node ${process.version}, ${cpus().length} × ${cpu}; median of ${runs} interleaved runs; peak RSS is the largest run\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const header = ['command', ...results.map((result) => `${result.dataRows.toLocaleString('en')} rows (${result.megabytes.toFixed(0)} MB)`)];
console.log(`| ${header.join(' | ')} |`);
console.log(`| --- |${results.map(() => ' ---: |').join('')}`);
for (const { label, pick } of [
  { label: 'parse only (`CsvParser`, bench/parse-only.mjs)', pick: (result) => result.baseline },
  { label: '`charter report --format json`', pick: (result) => result.subject },
]) {
  const cells = results.map((result) => {
    const figures = pick(result);
    const ratio = figures.milliseconds / result.baseline.milliseconds;
    const cpuText = Number.isNaN(figures.cpuMs) ? '' : `, CPU ${seconds(figures.cpuMs)}`;
    return `${seconds(figures.milliseconds)} (${ratio.toFixed(2)}×)${cpuText}, ${figures.rssMb.toFixed(0)} MB`;
  });
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
console.log('');
for (const result of results) {
  const ratio = result.subject.milliseconds / result.baseline.milliseconds;
  const rssTarget = TARGET_RSS_MB(result.rows);
  const name = `${result.dataRows.toLocaleString('en')} rows`;
  console.log(`${name}: load average ${result.loads.map((load) => load.toFixed(1)).join(' → ')} (1 minute, before → after)`);
  console.log(`${name}: target at most ${TARGET_RATIO}× the parse-only wall time: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`);
  console.log(
    `${name}: target report peak RSS under ${rssTarget} MB: ${result.subject.rssMb < rssTarget ? 'met' : 'NOT met'} (${result.subject.rssMb.toFixed(0)} MB)`,
  );
}
