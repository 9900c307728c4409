import type { AwayData, AwayRequest, AwayResult } from '../away-types.js';
import { instantOf } from '../zone-time.js';
import { htmlMessage } from './html-text.js';
import { awaySchedule, type LocalDateTime } from './schedule.js';
import { windowsZone } from './windows-zones.js';

/** A Graph dateTimeTimeZone. */
export interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** The body of PATCH /me/mailboxSettings that schedules the automatic replies. */
export interface GraphMailboxSettings {
  readonly automaticRepliesSetting: {
    readonly status: 'scheduled';
    readonly externalAudience: 'all';
    readonly scheduledStartDateTime: GraphDateTime;
    readonly scheduledEndDateTime: GraphDateTime;
    readonly internalReplyMessage: string;
    readonly externalReplyMessage: string;
  };
}

/**
 * Microsoft Graph `automaticRepliesSetting` (mailboxSettings): scheduled from
 * the start of the absence until the official is back, on the office's wall
 * clock with its Windows zone name, or in UTC for a zone without one. The
 * replies are every language in one block, as HTML.
 */
export function graphSettings(data: AwayData, request: AwayRequest, result: AwayResult): GraphMailboxSettings {
  const schedule = awaySchedule(request, result);
  return {
    automaticRepliesSetting: {
      status: 'scheduled',
      externalAudience: 'all',
      scheduledStartDateTime: graphDateTime(schedule.start, data.timeZone),
      scheduledEndDateTime: graphDateTime(schedule.repliesEnd, data.timeZone),
      internalReplyMessage: htmlMessage(result.autoReply.internal),
      externalReplyMessage: htmlMessage(result.autoReply.external),
    },
  };
}

export function formatGraph(data: AwayData, request: AwayRequest, result: AwayResult): string {
  return `${JSON.stringify(graphSettings(data, request, result), null, 2)}\n`;
}

function graphDateTime(local: LocalDateTime, ianaZone: string): GraphDateTime {
  const zone = windowsZone(ianaZone);
  if (zone !== undefined) return { dateTime: `${local.date}T${local.time}:00`, timeZone: zone };
  const utc = new Date(instantOf(ianaZone, local.date, local.time)).toISOString().slice(0, 19);
  return { dateTime: utc, timeZone: 'UTC' };
}
