import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import { expandDays, minutesOf, type Weekday } from '../time/weekly-hours.js';
import { hoursBlocks, listAt } from './access.js';
import { defineRule } from './rule.js';
import type { RuleContext } from './rule.js';

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
        message: 'the charter gives no weekly office hours (`hours.weekly`); working-hour promises cannot be measured without them',
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
      context.report({ path: [...path, 'days'], message: days.message });
      return;
    }
    const open = minutesOf(period.open);
    const close = minutesOf(period.close);
    if (open === undefined || close === undefined) return;
    if (open >= close) {
      context.report({
        path: [...path, 'close'],
        message: `closes at ${String(period.close)}, not after it opens at ${String(period.open)}; an opening period cannot run past midnight`,
      });
      return;
    }
    for (const day of days.days) {
      const periods = taken.get(day) ?? [];
      const clash = periods.find((other) => open < other.close && other.open < close);
      if (clash) {
        context.report({
          path: [...path, 'days'],
          message: `${day} ${String(period.open)}–${String(period.close)} overlaps \`${formatJsonPath([...hoursPath, 'weekly', clash.index])}\`; each hour of a day may be listed once`,
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
          message: `${exception.date} is listed twice in \`${formatJsonPath([...hoursPath, 'exceptions'])}\` (also item ${earlier + 1}); merge the two entries`,
        });
      } else {
        seen.set(exception.date, index);
      }
    }
    const open = minutesOf(exception.open);
    const close = minutesOf(exception.close);
    if (open !== undefined && close !== undefined && open >= close) {
      context.report({ path: [...path, 'close'], message: `closes at ${String(exception.close)}, not after it opens at ${String(exception.open)}` });
    }
  });
}
