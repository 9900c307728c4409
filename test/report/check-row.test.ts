import { describe, expect, it } from 'vitest';
import {
  RowChecker,
  type BadRowSink,
  type ChannelLookup,
  type CharterLookup,
  type CommitmentLookup,
  type CommitmentRef,
  type PlaceLookup,
} from '../../src/report/check-row.js';
import type { LogField, LogRow } from '../../src/report/log-reader.js';
import type { BadRowKind } from '../../src/model/compliance-report.js';
import { timeWindowAround } from '../../src/report/report-window.js';
import { RowStore } from '../../src/report/row-store.js';
import { MAX_REMEMBERED_WORDS, SUGGESTION_WORK_BUDGET } from '../../src/util/suggest.js';
import { renderMessage, type MessageRef } from '../../src/messages/message.js';

/** 2,000 charters, each promising an email reply. */
function lookupOf(count: number): CommitmentLookup {
  const charters = new Map<string, CharterLookup>();
  const byKey = new Map<string, { index: number }>();
  for (let index = 0; index < count; index++) {
    const id = `unit-${String(index).padStart(4, '0')}-services`;
    const reply: CommitmentRef = { index };
    const place: PlaceLookup = { targets: new Map(), plain: { answered: reply, abandoned: reply }, groups: new Set(), services: new Set() };
    const email: ChannelLookup = { by: 'line', lines: new Map([['', new Map([['reply', place]])]]), only: '' };
    charters.set(id, { id, channels: new Map([['email', email]]), groups: new Set(), services: new Set() });
    byKey.set(`${id},email,reply`, reply);
  }
  return { charters, byKey };
}

function rowOf(charter: string, channel = 'email', commitment = 'reply'): LogRow {
  return {
    charter,
    channel,
    commitment,
    start: '2026-11-02T09:00:00+02:00',
    end: '',
    lineId: '',
    group: '',
    service: '',
    outcome: '',
    paused: '',
    pausedList: undefined,
    pausedReason: '',
    line: 2,
    commitmentKey: undefined,
    columnOf: (field: LogField) => ['charter', 'channel', 'commitment', 'start', 'end'].indexOf(field) + 1,
  };
}

/** A sink that keeps every bad row's message (in English) while `keeping`, else only counts. */
function sinkOf(keeping: boolean): BadRowSink & { messages: string[]; counted: number } {
  const sink = {
    messages: [] as string[],
    counted: 0,
    keepsDetails: keeping,
    add(_kind: BadRowKind, _line: number, _column: number, message: MessageRef) {
      sink.messages.push(renderMessage(message, 'en'));
    },
    count() {
      sink.counted++;
    },
  };
  return sink;
}

const LOOKUP = lookupOf(2_000);
const WINDOW = timeWindowAround(Date.parse('2026-11-21T00:00:00+02:00'));

describe('RowChecker on rows it cannot place', () => {
  it('suggests a close charter id once per distinct value, however many rows repeat it', () => {
    const checker = new RowChecker(LOOKUP, new RowStore(), WINDOW);
    const sink = sinkOf(true);
    expect(checker.check(rowOf('unit-0042-servcies'), 0, sink)).toBe('bad');
    const once = checker.suggestionWork;
    for (let row = 1; row < 100_000; row++) checker.check(rowOf('unit-0042-servcies'), 0, sink);
    expect(sink.messages).toHaveLength(100_000);
    expect(sink.messages[99_999]).toMatch(/no charter has the id `unit-0042-servcies`; did you mean `unit-0042-services`\?$/);
    expect(checker.suggestionWork).toBe(once);
  });

  it('bounds the work of suggestions over 100,000 distinct unknown ids', () => {
    const checker = new RowChecker(LOOKUP, new RowStore(), WINDOW);
    const sink = sinkOf(true);
    for (let row = 0; row < 100_000; row++) checker.check(rowOf(`unit-${String(row).padStart(6, '0')}-services`), 0, sink);
    expect(sink.messages).toHaveLength(100_000);
    expect(checker.suggestionWork).toBeLessThanOrEqual(SUGGESTION_WORK_BUDGET + 100 * 67);
    const suggested = sink.messages.filter((message) => message.includes('did you mean')).length;
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThanOrEqual(MAX_REMEMBERED_WORDS);
  });

  it('bounds the work for unknown channels and commitments too', () => {
    const checker = new RowChecker(LOOKUP, new RowStore(), WINDOW);
    const sink = sinkOf(true);
    for (let row = 0; row < 50_000; row++) {
      checker.check(rowOf('unit-0001-services', `emai${row}`), 0, sink);
      checker.check(rowOf('unit-0001-services', 'email', `repl${row}`), 0, sink);
    }
    expect(sink.messages[0]).toMatch(/no promises for the channel `emai0`; did you mean `email`\?/);
    expect(sink.messages[1]).toMatch(/no `repl0` promise for email; did you mean `reply`\?/);
    expect(checker.suggestionWork).toBeLessThanOrEqual(2 * MAX_REMEMBERED_WORDS * 100);
  });

  it('builds no message, and suggests nothing, for bad rows that are only counted', () => {
    const checker = new RowChecker(LOOKUP, new RowStore(), WINDOW);
    const sink = sinkOf(false);
    for (let row = 0; row < 10_000; row++) {
      checker.check(rowOf(`unit-${row}-servcies`), 0, sink);
      checker.check(rowOf('unit-0001-services', 'emial'), 0, sink);
      checker.check(rowOf('unit-0001-services', 'email', 'rpely'), 0, sink);
    }
    expect(sink.counted).toBe(30_000);
    expect(sink.messages).toEqual([]);
    expect(checker.suggestionWork).toBe(0);
  });
});
