import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsOf } from '../../src/report/as-of.js';
import { seededRandom, tempFolder } from '../helpers.js';
import { SAMI_BASELINE, SAMI_SERVICE_POINT, SAMI_SERVICE_POINT_AS_OF } from '../fixtures/sami-service-point.js';

/** A time as a log writes it, in one of the offsets a log may use. */
function logTime(ms: number, pick: () => number): string {
  const offset = [0, 120, 180, -300][Math.floor(pick() * 4)] as number;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  return `${local}${sign}${hours}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
}

/** A log of `count` random rows over the places of the charters in `charters`: good, bad, open, given-up and repeated ones. */
export async function randomLog(cwd: string, charters: string, seed: number, first: string, last: string, count: number): Promise<string> {
  const { checkCharters } = await import('../../src/check.js');
  const { indexCommitments } = await import('../../src/report/commitment-index.js');
  const checked = await checkCharters({ cwd, patterns: [charters] });
  const index = indexCommitments({ charters: checked.charters, unnormalized: checked.unnormalized });
  const places: { charter: string; channel: string; line: string; commitment: string; groups: string[]; services: string[] }[] = [];
  for (const charter of index.charters.values()) {
    for (const [channel, lookup] of charter.channels) {
      for (const [line, commitments] of lookup.lines) {
        for (const commitment of commitments.keys()) {
          places.push({ charter: charter.id, channel, line, commitment, groups: [...charter.groups], services: [...charter.services] });
        }
      }
    }
  }
  const pick = seededRandom(seed);
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)] as T;
  const firstMs = Date.parse(first);
  const lastMs = Date.parse(last);
  const rows: string[] = [];
  while (rows.length < count) {
    if (rows.length > 10 && pick() < 0.03) {
      rows.push(choose(rows));
      continue;
    }
    const place = choose(places);
    // Starts on the quarter hour now and then, so that openings, closings and deadlines are hit exactly.
    let start = firstMs + Math.floor(pick() * (lastMs - firstMs));
    if (pick() < 0.3) start -= start % 900_000;
    const spans = [pick() * 120_000, pick() * 3_600_000, pick() * 86_400_000, pick() * 20 * 86_400_000, pick() * 60 * 86_400_000, 15 * 60_000, 86_400_000];
    let span = choose(spans);
    if (pick() < 0.3) span -= span % 900_000;
    const roll = pick();
    const end = roll < 0.1 ? '' : roll < 0.12 ? logTime(start - 60_000, pick) : roll < 0.13 ? '2026-03-02 10:00' : logTime(start + Math.floor(span), pick);
    const line = place.channel === 'services' ? '' : pick() < 0.8 ? place.line : choose([place.line, 'nowhere', '']);
    const group = pick() < 0.7 ? '' : choose([...place.groups, 'nobody']);
    const service = place.channel === 'services' ? place.line : pick() < 0.8 ? '' : choose([...place.services, 'nothing']);
    const outcome = choose(['', '', '', 'answered', 'abandoned', 'abandoned', 'hung-up']);
    const charter = pick() < 0.01 ? 'no-such-unit' : place.charter;
    rows.push([charter, place.channel, place.commitment, logTime(start, pick), end, line, group, service, outcome].join(','));
  }
  const log = join(tempFolder(), 'random.csv');
  writeFileSync(log, ['charter,channel,commitment,start,end,line,group,service,outcome', ...rows].join('\n') + '\n');
  return log;
}

/** The Sámi service point's charters (lines, groups, services, averages and abandonment) in a folder, 10,000 random rows over 2027, and the range and as-of time to measure them at. */
export async function samiRandomLog(): Promise<{ folder: string; log: string; asOf: Date; range: { from: string; to: string } }> {
  const folder = tempFolder();
  mkdirSync(join(folder, 'charters'));
  writeFileSync(join(folder, 'charters', '_pohjoinen.yaml'), SAMI_BASELINE);
  writeFileSync(join(folder, 'charters', 'inari-service-point.yaml'), SAMI_SERVICE_POINT);
  const log = await randomLog(folder, 'charters', 33, '2026-12-20T00:00:00Z', '2028-01-15T00:00:00Z', 10_000);
  return { folder, log, asOf: parseAsOf(SAMI_SERVICE_POINT_AS_OF) as Date, range: { from: '2027-01-01', to: '2027-12-31' } };
}
