import type { AwayData, AwayRequest, AwayResult } from '../away-types.js';
import { instantOf, offsetMinutesAt } from '../zone-time.js';
import { htmlMessage } from './html-text.js';
import { awaySchedule, type LocalDateTime } from './schedule.js';

/**
 * An Exchange PowerShell line that schedules the automatic replies:
 * Set-MailboxAutoReplyConfiguration with every value in single quotes.
 * Times carry the office's UTC offset, so the line means the same on any
 * computer. The messages are HTML (Exchange shows them so).
 */
export function formatExchange(data: AwayData, request: AwayRequest, result: AwayResult, mailbox?: string): string {
  const schedule = awaySchedule(request, result);
  const parts = [
    'Set-MailboxAutoReplyConfiguration',
    '-Identity',
    powershellQuote(mailbox === undefined || mailbox.trim() === '' ? '<mailbox>' : mailbox.trim()),
    '-AutoReplyState',
    'Scheduled',
    '-StartTime',
    powershellQuote(offsetTime(schedule.start, data.timeZone)),
    '-EndTime',
    powershellQuote(offsetTime(schedule.repliesEnd, data.timeZone)),
    '-InternalMessage',
    powershellQuote(htmlMessage(result.autoReply.internal)),
    '-ExternalMessage',
    powershellQuote(htmlMessage(result.autoReply.external)),
    '-ExternalAudience',
    'All',
  ];
  return `${parts.join(' ')}\n`;
}

/** The quote marks PowerShell reads as a single quote: ' and U+2018 to U+201B. */
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * A PowerShell single-quoted string: nothing inside is expanded ($, backticks,
 * double quotes are plain characters); each single quote mark, of any of the
 * five kinds, is doubled, so none ends the string. Line breaks and other
 * control characters become spaces: the command stays one line.
 */
export function powershellQuote(text: string): string {
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return `'${plain.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** 2026-12-21T00:00:00+02:00: the office's wall clock with its offset then. */
function offsetTime(local: LocalDateTime, timeZone: string): string {
  const offset = offsetMinutesAt(timeZone, instantOf(timeZone, local.date, local.time));
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local.date}T${local.time}:00${sign}${hours}:${minutes}`;
}
