import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import { expandDays, minutesOf, type DaysProblem, type Weekday } from '../time/weekly-hours.js';
import { hoursBlocks, listAt } from './access.js';
import { defineRule } from './rule.js';
import type { RuleContext } from './rule.js';
import { message, type MessageRef } from '../messages/message.js';

export default defineRule(
  'opening-hours',
  'Opening hours are valid: days exist, `open` is before `close`, periods do not overlap, and each exception date appears once.',
  'error',
  (context) => {
    const blocks = hoursBlocks(context.charter.data);
    for (const { path, hours } of blocks) {
      checkWeekly(context, path, listAt(hours, ['weekly']));
      checkExceptions(context, path, listAt(hours, ['exceptions']));
    }
    if (!context.charter.isBaseline && !blocks.some(({ path, hours }) => path.length === 1 && listAt(hours, ['weekly']).length > 0)) {
      context.report({
        path: ['hours'],
        severity: 'warning',
        message: message('rules.opening-hours.no-weekly-hours'),
      });
    }
  },
);

function checkWeekly(context: RuleContext, hoursPath: JsonPath, weekly: readonly unknown[]): void {
  const taken = new Map<Weekday, { open: number; close: number; index: number }[]>();
  weekly.forEach((period, index) => {
    if (!isPlainObject(period)) return;
    const path = [...hoursPath, 'weekly', index];
    const days = expandDays(period.days);
    if (!days.ok) {
      context.report({ path: [...path, 'days'], message: daysMessage(days.problem) });
      return;
    }
    const open = minutesOf(period.open);
    const close = minutesOf(period.close);
    if (open === undefined || close === undefined) return;
    if (open >= close) {
      context.report({
        path: [...path, 'close'],
        message: message('rules.opening-hours.closes-before-opening', { close: String(period.close), open: String(period.open) }),
      });
      return;
    }
    for (const day of days.days) {
      const periods = taken.get(day) ?? [];
      const clash = periods.find((other) => open < other.close && other.open < close);
      if (clash) {
        context.report({
          path: [...path, 'days'],
          message: message('rules.opening-hours.overlap', {
            day,
            open: String(period.open),
            close: String(period.close),
            other: formatJsonPath([...hoursPath, 'weekly', clash.index]),
          }),
        });
        return;
      }
      periods.push({ open, close, index });
      taken.set(day, periods);
    }
  });
}

function checkExceptions(context: RuleContext, hoursPath: JsonPath, exceptions: readonly unknown[]): void {
  const seen = new Map<string, number>();
  exceptions.forEach((exception, index) => {
    if (!isPlainObject(exception)) return;
    const path = [...hoursPath, 'exceptions', index];
    if (typeof exception.date === 'string') {
      const earlier = seen.get(exception.date);
      if (earlier !== undefined) {
        context.report({
          path: [...path, 'date'],
          message: message('rules.opening-hours.exception-twice', {
            date: exception.date,
            list: formatJsonPath([...hoursPath, 'exceptions']),
            item: earlier + 1,
          }),
        });
      } else {
        seen.set(exception.date, index);
      }
    }
    const open = minutesOf(exception.open);
    const close = minutesOf(exception.close);
    if (open !== undefined && close !== undefined && open >= close) {
      context.report({
        path: [...path, 'close'],
        message: message('rules.opening-hours.exception-closes-before-opening', { close: String(exception.close), open: String(exception.open) }),
      });
    }
  });
}

/** What is wrong with `days`, in the reader's language. */
function daysMessage(problem: DaysProblem): MessageRef {
  switch (problem.kind) {
    case 'not-text':
      return message('rules.opening-hours.days-not-text');
    case 'not-a-day':
      return message('rules.opening-hours.not-a-day', { part: problem.part });
    case 'backwards':
      return message('rules.opening-hours.backwards-range', { part: problem.part, from: problem.from, to: problem.to });
    case 'twice':
      return message('rules.opening-hours.day-twice', { day: problem.day });
  }
}
