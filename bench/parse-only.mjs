#!/usr/bin/env node
// The baseline of bench/report.mjs: reads a CSV contact log the way `charter report`
// does (src/report/log-reader.ts), with the same parser, and only counts records.
// Same stream (utf8, 1 MiB chunks, for await), same CsvParser, nothing else: no
// charters, no timestamps, no deadlines. Prints {"records":N,"lines":M} (the header
// is one record).
// Usage: node bench/parse-only.mjs <log.csv>   (needs `npm run build` first)
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/parse-only.mjs <log.csv>');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(2);
}
const { CsvParser } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);

let records = 0;
let malformed = 0;
const parser = new CsvParser(
  () => {
    records++;
  },
  () => {
    malformed++;
  },
);
const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
for await (const chunk of stream) parser.push(chunk);
parser.end();
console.log(JSON.stringify({ records, malformed, lines: parser.lines }));
