import type { LocalizedText, WrittenDuration } from '../model/charter.js';
import type * as Document from '../schema/generated/charter-document.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { parseDuration } from '../time/duration.js';

/** Why a charter that passed the schema still cannot be a `Charter`: a value that does not read. */
export class NormalizeProblem extends Error {
  override readonly name = 'NormalizeProblem';
}

/** A YYYY-MM-DD date that exists (the schema's pattern lets 2026-02-30 through). */
export function readCalendarDate(text: string, where: string): string {
  if (!isCalendarDate(text)) throw new NormalizeProblem(`\`${where}\` ${text} is not a calendar date`);
  return text;
}

export function readDuration(text: string, where: string): WrittenDuration {
  const duration = parseDuration(text);
  if (!duration) throw new NormalizeProblem(`\`${where}\` is not a duration`);
  return { ...duration, written: text.trim() };
}

/** Reads a text into a language map (the charter's TextReader; a shape here, so that this module imports no reader). */
export interface ReadsText {
  read(value: Document.Text): LocalizedText;
}
