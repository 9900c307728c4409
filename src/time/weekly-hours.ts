/** Days of the week and opening periods, as charters write them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Why days could not be read, as data, so that a rule can say it in the reader's language. */
export type DaysProblem =
  | { readonly kind: 'not-text' }
  | { readonly kind: 'not-a-day'; readonly part: string }
  | { readonly kind: 'backwards'; readonly part: string; readonly from: string; readonly to: string }
  | { readonly kind: 'twice'; readonly day: Weekday };

export type DaysResult = { readonly ok: true; readonly days: Weekday[] } | { readonly ok: false; readonly message: string; readonly problem: DaysProblem };

/** Expands `mon-fri`, `sat` or `[mon, wed]` into days; a backwards range such as `fri-mon` is refused. */
export function expandDays(spec: unknown): DaysResult {
  const parts = Array.isArray(spec) ? spec : [spec];
  const days: Weekday[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') return { ok: false, message: 'days must be text such as mon-fri', problem: { kind: 'not-text' } };
    const [from, to, extra] = part.split('-');
    const start = WEEKDAYS.indexOf(from as Weekday);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (start === -1 || end === -1 || extra !== undefined)
      return { ok: false, message: `\`${part}\` is not a day or a range of days`, problem: { kind: 'not-a-day', part } };
    if (end < start) {
      return {
        ok: false,
        message: `the range \`${part}\` runs backwards; weeks run mon to sun, so write it as a list such as [${from}, ${to}]`,
        problem: { kind: 'backwards', part, from: from ?? '', to: to ?? '' },
      };
    }
    for (let index = start; index <= end; index++) {
      const day = WEEKDAYS[index] as Weekday;
      if (days.includes(day)) return { ok: false, message: `${day} is listed twice`, problem: { kind: 'twice', day } };
      days.push(day);
    }
  }
  return { ok: true, days };
}

/** Minutes since midnight for HH:MM (24:00 is 1440); undefined if malformed. */
export function minutesOf(time: unknown): number | undefined {
  if (typeof time !== 'string') return undefined;
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 && Number(match[2]) < 60 ? minutes : undefined;
}
