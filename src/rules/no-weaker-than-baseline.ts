import { formatJsonPath } from '../model/diagnostic.js';
import { SERVICES_CHANNEL, writtenPromisesOf, type WrittenPromise } from '../model/commitments.js';
import { compareDurations, parseDuration, parseTarget } from '../time/duration.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { isPlainObject } from '../model/charter-data.js';
import { CHANNEL_KINDS } from '../model/charter.js';
import { listAt, objectAt } from './access.js';
import { coveringVariant, scopeKey, variantListPath, whomMessage } from './promise-scope.js';
import { defineRule, type RuleReport } from './rule.js';
import { listOf, message } from '../messages/message.js';

/** A share as a number of percent (one decimal), for `{target} %` in the reader's language. */
function percentOf(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** What a promise is, whatever line it is on: its measure, channel and key (a service promise: also its service). */
function promiseKey(promise: WrittenPromise): string {
  const { channel, commitment, service } = promise.place;
  return [promise.measure, channel, commitment, channel === SERVICES_CHANNEL ? (service ?? '') : ''].join('\u0000');
}

/**
 * A charter's promises by what they promise and the line they are on, so
 * that the same promise in the other file is found without a scan of every
 * promise (rules also read hostile files, with thousands of lines).
 *
 * The same promise in a baseline and a unit has the same measure, channel
 * and key, on the same line. A channel written as one object stands for
 * every line of its kind, so it matches any line: a unit that turns the
 * baseline's one phone object into a list of lines keeps its promises on
 * each line. A service's promises are matched by service and id.
 */
class PromiseIndex {
  private readonly byKey = new Map<string, { readonly lineless: WrittenPromise[]; readonly byLine: Map<string, WrittenPromise[]> }>();

  constructor(promises: readonly WrittenPromise[]) {
    for (const promise of promises) {
      const key = promiseKey(promise);
      let entry = this.byKey.get(key);
      if (!entry) {
        entry = { lineless: [], byLine: new Map() };
        this.byKey.set(key, entry);
      }
      const { line } = promise.place;
      if (line === undefined) entry.lineless.push(promise);
      else {
        const onLine = entry.byLine.get(line);
        if (onLine) onLine.push(promise);
        else entry.byLine.set(line, [promise]);
      }
    }
  }

  /** The same promise as `promise`, as the variants of each line it is on. */
  linesMatching(promise: WrittenPromise): (readonly WrittenPromise[])[] {
    const entry = this.byKey.get(promiseKey(promise));
    if (!entry) return [];
    const { line } = promise.place;
    const lines = line === undefined ? [...entry.byLine.values()] : [entry.byLine.get(line) ?? []];
    return [entry.lineless, ...lines].filter((variants) => variants.length > 0);
  }
}

/** Compares a unit's promise with the baseline's and reports each way it is weaker. */
function compare(own: WrittenPromise, base: WrittenPromise, baseline: ResolvedCharter, report: (report: RuleReport) => void): void {
  const name = formatJsonPath(own.path);
  if (own.measure === 'abandoned') {
    const atMost = parseTarget(own.value.atMost ?? Number.NaN);
    const baseAtMost = parseTarget(base.value.atMost ?? Number.NaN);
    if (atMost !== undefined && baseAtMost !== undefined && atMost > baseAtMost) {
      report({
        path: [...own.path, 'atMost'],
        message: message('rules.no-weaker-than-baseline.more-abandoned', {
          name,
          atMost: percentOf(atMost),
          baseline: percentOf(baseAtMost),
          file: baseline.file,
        }),
      });
    }
    return;
  }
  const within = parseDuration(own.value.within);
  const baseWithin = parseDuration(base.value.within);
  if (within && baseWithin) {
    const order = compareDurations(within, baseWithin);
    if (order === 1) {
      report({
        path: [...own.path, 'within'],
        message: message('rules.no-weaker-than-baseline.slower', {
          name,
          within: String(own.value.within),
          baseline: String(base.value.within),
          file: baseline.file,
        }),
      });
    } else if (order === undefined) {
      report({
        path: [...own.path, 'within'],
        severity: 'warning',
        message: message('rules.no-weaker-than-baseline.incomparable', { name, within: String(own.value.within), baseline: String(base.value.within) }),
      });
    }
  }
  // An average has no target.
  if (own.measure !== 'within') return;
  const target = parseTarget(own.value.target);
  const baseTarget = parseTarget(base.value.target);
  if (target !== undefined && baseTarget !== undefined && target < baseTarget) {
    report({
      path: own.value.target === undefined ? own.path : [...own.path, 'target'],
      message: message('rules.no-weaker-than-baseline.lower-target', {
        name,
        target: percentOf(target),
        baseline: percentOf(baseTarget),
        file: baseline.file,
      }),
    });
  }
}

/** True when `own` is surely at least as strict as `base` in every respect. */
function atLeastAsStrict(own: WrittenPromise, base: WrittenPromise): boolean {
  if (own.measure === 'abandoned') {
    const atMost = parseTarget(own.value.atMost ?? Number.NaN);
    const baseAtMost = parseTarget(base.value.atMost ?? Number.NaN);
    return atMost !== undefined && baseAtMost !== undefined && atMost <= baseAtMost;
  }
  const within = parseDuration(own.value.within);
  const baseWithin = parseDuration(base.value.within);
  const order = within && baseWithin ? compareDurations(within, baseWithin) : undefined;
  if (order !== -1 && order !== 0) return false;
  if (own.measure !== 'within') return true;
  const target = parseTarget(own.value.target);
  const baseTarget = parseTarget(base.value.target);
  return target !== undefined && baseTarget !== undefined && target >= baseTarget;
}

export default defineRule(
  'no-weaker-than-baseline',
  'A unit may tighten a promise it inherits, never loosen it: no longer `within` or average, no lower `target`, no higher abandonment, no variant or service promise left out.',
  'error',
  ({ charter, report }) => {
    const baseline = charter.baseline;
    if (!baseline) return;
    const inherited = writtenPromisesOf(baseline.data);
    const own = writtenPromisesOf(charter.data);
    const inheritedIndex = new PromiseIndex(inherited);
    const ownIndex = new PromiseIndex(own);
    // Each of the unit's promises against the baseline's promise for the same customers (on each baseline line it stands for).
    for (const promise of own) {
      for (const lineVariants of inheritedIndex.linesMatching(promise)) {
        const base = coveringVariant(lineVariants, promise.place);
        if (base) compare(promise, base, baseline, report);
      }
    }
    // A variant list is replaced whole: a variant of the baseline's that the unit leaves out is weaker for its customers, unless a variant left covers them as strictly.
    const reported = new Set<string>();
    for (const base of inherited) {
      for (const lineVariants of ownIndex.linesMatching(base)) {
        const covering = coveringVariant(lineVariants, base.place);
        if (covering && (base.place.channel === SERVICES_CHANNEL || scopeKey(covering.place) === scopeKey(base.place))) continue;
        if (covering && atLeastAsStrict(covering, base)) continue;
        const first = lineVariants[0];
        if (!first) continue;
        const path = variantListPath(first);
        const key = `${formatJsonPath(path)}\u0000${scopeKey(base.place)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          path,
          message: message('rules.no-weaker-than-baseline.variant-left-out', {
            name: formatJsonPath(path),
            whom: whomMessage(base.place),
            file: baseline.file,
          }),
        });
      }
    }
    // A kind written as one object replaces the baseline's list of lines whole (lists merge by id only with lists).
    for (const kind of CHANNEL_KINDS) {
      const baseLines = listAt(baseline.data, ['channels', kind]);
      if (baseLines.length === 0 || objectAt(charter.data, ['channels', kind]) === undefined) continue;
      const ids = baseLines.flatMap((line) => (isPlainObject(line) && typeof line.id === 'string' ? [`\`${line.id}\``] : []));
      report({
        path: ['channels', kind],
        message: message('rules.no-weaker-than-baseline.lines-replaced', { kind, lines: listOf(ids), file: baseline.file }),
      });
    }
    // A service's promises are replaced whole too: each promise the baseline makes for a service stays.
    const ownServiceIndex = new Map<string, number>();
    for (const promise of own) {
      if (promise.place.channel === SERVICES_CHANNEL && promise.place.service !== undefined && typeof promise.path[1] === 'number')
        ownServiceIndex.set(promise.place.service, promise.path[1]);
    }
    for (const base of inherited) {
      const { service } = base.place;
      if (base.place.channel !== SERVICES_CHANNEL || service === undefined) continue;
      if (ownIndex.linesMatching(base).length > 0) continue;
      const index = ownServiceIndex.get(service);
      if (index === undefined) continue;
      report({
        path: [SERVICES_CHANNEL, index, 'promises'],
        message: message('rules.no-weaker-than-baseline.service-promise-left-out', { service, id: base.place.commitment, file: baseline.file }),
      });
    }
  },
);
