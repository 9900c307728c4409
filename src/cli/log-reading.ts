import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage } from '../messages/message.js';
import type { ComplianceReport } from '../model/compliance-report.js';
import { parseDelimiter, parseEncoding, parseMap, parseTimeZone, type LogReading, type OptionResult } from '../report/log-options.js';
import { oneLine } from '../format/shared.js';
import { UsageError } from './io.js';

/** The options that say how logs are read, shared by `charter report` and `charter build --events`. */
export interface LogReadingFlags {
  readonly delimiter?: string;
  readonly encoding?: string;
  readonly timezone?: string;
  readonly map?: string;
}

/** The flags as reading options; a bad value is a usage error (exit 2). */
export function logReadingOf(flags: LogReadingFlags): LogReading {
  const value = <T>(result: OptionResult<T>): T => {
    if (!result.ok) throw new UsageError(result.problem);
    return result.value;
  };
  return {
    ...(flags.delimiter === undefined ? {} : { delimiter: value(parseDelimiter(flags.delimiter)) }),
    ...(flags.encoding === undefined ? {} : { encoding: value(parseEncoding(flags.encoding)) }),
    ...(flags.timezone === undefined ? {} : { timeZone: value(parseTimeZone(flags.timezone)) }),
    ...(flags.map === undefined ? {} : { map: value(parseMap(flags.map)) }),
  };
}

/**
 * Notes for standard error: a CSV log whose delimiter was found to be other
 * than the comma, or that was read in another encoding than UTF-8, says so
 * (a plain comma-separated UTF-8 log needs no word).
 */
export function inputNotes(report: ComplianceReport, locale: MessageLocale): string[] {
  const notes: string[] = [];
  for (const log of report.input?.logs ?? []) {
    const unusual = (log.delimiterDetected && log.delimiter !== null && log.delimiter !== 'comma') || log.encoding !== 'utf-8';
    if (!unusual || log.format !== 'csv') continue;
    const values = { file: oneLine(log.file), delimiter: shownDelimiter(log.delimiter ?? ''), encoding: log.encoding };
    notes.push(renderMessage(message(log.delimiterDetected ? 'report.note.input' : 'report.note.input-given', values), locale));
  }
  return notes;
}

/** `";"`, `","`, `tab`: the character itself where it shows. */
function shownDelimiter(name: string): string {
  const character = name === 'semicolon' ? ';' : name === 'comma' ? ',' : name;
  return name === 'tab' ? 'tab' : `"${oneLine(character)}"`;
}
