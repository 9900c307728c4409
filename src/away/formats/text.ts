import { formatDate, formatMoment } from '../format-date.js';
import { awayTexts, fill } from '../away-texts.js';
import type { AwayData, AwayRequest, AwayResult } from '../away-types.js';
import { awaySchedule } from './schedule.js';

/**
 * The texts for a person at a terminal: the dates and the day back, any
 * problems, the automatic replies, a voicemail script per language and each
 * notice with its mailto link. Headings are in `lang` (the user's language),
 * the texts in every language of the charter. Control characters other than
 * line breaks are removed: charter texts and names cannot drive the terminal.
 */
export function formatText(data: AwayData, request: AwayRequest, result: AwayResult, lang: string): string {
  const words = awayTexts(lang).labels;
  const schedule = awaySchedule(request, result);
  const unit = data.unitName[lang] ?? data.unitName[data.languages[0] ?? ''] ?? data.charterId;
  const lines: string[] = [`${unit} (${data.charterId})`];
  lines.push(fill(words.summary, { from: formatMoment(schedule.from, lang), until: formatMoment(schedule.until, lang) }));
  lines.push(result.backOn === undefined ? words.noBackDay : fill(words.backOn, { date: formatDate(result.backOn, lang, true) }));
  if (result.problems.length > 0) {
    lines.push('', words.problems);
    for (const problem of result.problems) lines.push(`  ! ${problem.message[lang] ?? problem.message.en ?? problem.code}`);
  }
  if (result.autoReply.differ) {
    section(lines, words.autoReplyInternal, result.autoReply.internal);
    section(lines, words.autoReplyExternal, result.autoReply.external);
  } else {
    section(lines, words.autoReplyBoth, result.autoReply.internal);
  }
  for (const texts of result.byLanguage) {
    const script = texts.voicemailTooLong ? `${texts.voicemail}\n\n(${words.voicemailTooLong})` : texts.voicemail;
    section(lines, fill(words.voicemail, { lang: texts.lang, count: texts.voicemailWords }), script);
  }
  for (const notice of result.notices) {
    const head = [
      notice.email === undefined ? words.noticeNoEmail : fill(words.noticeTo, { email: notice.email }),
      fill(words.subject, { subject: notice.subject }),
      '',
      notice.body,
      '',
      fill(words.link, { link: notice.mailto }),
    ];
    section(lines, fill(words.notice, { name: notice.name }), head.join('\n'));
  }
  return `${terminalSafe(lines.join('\n'))}\n`;
}

function section(lines: string[], title: string, body: string): void {
  lines.push('', `== ${title} ==`, body);
}

/** Removes every control character but the line break (no escape sequences, no carriage returns). */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}
