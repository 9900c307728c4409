import type { CharterRota } from '../model/rota-plan.js';
import { isMessageLocale, type MessageLocale } from '../messages/locale.js';
import { message, renderMessage } from '../messages/message.js';
import { allDayCalendar, type AllDayEvent } from './icalendar.js';

/**
 * `charter rota --format ics`: each reviewer's turn as an all-day event over
 * its period, and each charter's review due date (`review.next`) as a day.
 *
 * The words are in the charter's first language when the tool speaks it, else
 * in the user's: the calendar is the team's, and the unit's name in it is
 * already in the charter's first language, so the event reads in one language
 * whoever runs the command (a CI job's locale is often just `C`).
 */
export function rotaCalendar(rotas: readonly CharterRota[], today: string, userLocale: MessageLocale): string {
  return allDayCalendar(
    rotas.flatMap((rota) => rotaEvents(rota, userLocale)),
    { productId: '-//charter//rota//EN', stampDate: today },
  );
}

function rotaEvents(rota: CharterRota, userLocale: MessageLocale): AllDayEvent[] {
  if (!rota.loaded) return [];
  const locale = rota.language !== undefined && isMessageLocale(rota.language) ? rota.language : userLocale;
  const say = (text: ReturnType<typeof message>): string => renderMessage(text, locale);
  const unit = rota.name ?? rota.id ?? rota.file;
  // A charter id is unique in a collection, so it and the period's first day name an event for good.
  const key = (rota.id ?? rota.file).replace(/[^A-Za-z0-9._-]/g, '-');
  const events: AllDayEvent[] = rota.periods.map((period) => ({
    uid: `${key}.review-turn.${period.from}@charter`,
    from: period.from,
    to: period.to,
    language: locale,
    summary: say(message('cli.rota.ics.turn', { unit })),
    description: say(
      message('cli.rota.ics.turn-description', {
        reviewer: period.reviewer.name ?? period.reviewer.id,
        from: period.from,
        to: period.to,
        unit,
      }),
    ),
  }));
  if (rota.next !== undefined) {
    events.push({
      uid: `${key}.review-due.${rota.next.date}@charter`,
      from: rota.next.date,
      to: rota.next.date,
      language: locale,
      summary: say(message('cli.rota.ics.due', { unit })),
      description: say(message('cli.rota.ics.due-description', { unit, date: rota.next.date })),
    });
  }
  return events;
}
