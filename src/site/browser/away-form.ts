// The charter page's "Going away?" form: progressive enhancement of the absence routine.
//
// Without JavaScript the page shows the routine as numbered steps and the form stays hidden.
// With it, this module reads the unit's AwayData (#away-data, embedded by the site build),
// shows the form, and on submit calls composeAway, the very function `charter away` runs,
// and shows its texts with copy buttons and prefilled emails. Every interface word comes
// from the page (data-* attributes and the #away-result-template), in the page's language.
//
// Nothing typed leaves the page: no request is made and nothing is stored. Texts are put
// into the page as text (textContent), never as HTML.
import type { AwayData, AwayRequest, AwayResult } from '../../away/away-types.js';
import { blockOrder, composeAway, LANGUAGE_SEPARATOR } from '../../away/compose.js';
import { formatDate } from '../../away/format-date.js';
import { textDirection } from '../../model/language-tag.js';

const form = document.getElementById('away-form');
const dataScript = document.getElementById('away-data');
const template = document.getElementById('away-result-template');
const output = document.getElementById('away-result');
if (form instanceof HTMLFormElement && dataScript && template instanceof HTMLTemplateElement && output instanceof HTMLElement) {
  const data = readData(dataScript.textContent ?? '');
  if (data) enhance(form, data, template, output);
}

function readData(json: string): AwayData | undefined {
  try {
    const data = JSON.parse(json) as AwayData;
    return Array.isArray(data.languages) && Array.isArray(data.contacts) && Array.isArray(data.notify) ? data : undefined;
  } catch {
    // Broken data leaves the page as it is without JavaScript: the routine as steps.
    return undefined;
  }
}

interface Fields {
  readonly from: HTMLInputElement;
  readonly fromTime: HTMLInputElement;
  readonly until: HTMLInputElement;
  readonly untilTime: HTMLInputElement;
  readonly substitute: HTMLSelectElement;
  readonly substituteText: HTMLInputElement;
  readonly name: HTMLInputElement;
  readonly status: HTMLElement;
}

function fieldsOf(form: HTMLFormElement): Fields | undefined {
  const input = (name: string) => form.elements.namedItem(name);
  const fields = {
    from: input('from'),
    fromTime: input('fromTime'),
    until: input('until'),
    untilTime: input('untilTime'),
    substitute: input('substitute'),
    substituteText: input('substituteText'),
    name: input('name'),
    status: form.querySelector('#away-status'),
  };
  const inputs = [fields.from, fields.fromTime, fields.until, fields.untilTime, fields.substituteText, fields.name];
  if (!inputs.every((element) => element instanceof HTMLInputElement)) return undefined;
  if (!(fields.substitute instanceof HTMLSelectElement) || !(fields.status instanceof HTMLElement)) return undefined;
  return fields as Fields;
}

function enhance(form: HTMLFormElement, data: AwayData, template: HTMLTemplateElement, output: HTMLElement): void {
  const fields = fieldsOf(form);
  if (!fields) return;
  // Contact names in the page's language (a Sámi page may have a Finnish interface); words in the interface's.
  const pageLang = form.dataset.lang ?? document.documentElement.lang;
  const uiLang = document.documentElement.lang || 'en';
  for (const contact of data.contacts) {
    const name = textIn(contact.name, pageLang, data.languages) ?? contact.id;
    const role = contact.role ? textIn(contact.role, pageLang, data.languages) : undefined;
    fields.substitute.append(new Option(role ? `${name} (${role})` : name, contact.id));
  }
  // A substitute is either a contact or typed: choosing one clears the other.
  fields.substitute.addEventListener('change', () => {
    if (fields.substitute.value !== '') fields.substituteText.value = '';
  });
  fields.substituteText.addEventListener('input', () => {
    if (fields.substituteText.value.trim() !== '') fields.substitute.value = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = requestOf(fields, todayIn(data.timeZone));
    // Texts of earlier dates must not stay on show beside a message about these.
    const refuse = (): void => {
      output.hidden = true;
      fields.status.textContent = fields.status.dataset.missing ?? '';
    };
    if (!request) {
      refuse();
      (moment(fields.from.value, '') === undefined ? fields.from : fields.until).focus();
      return;
    }
    let result: AwayResult;
    try {
      result = composeAway(data, request);
    } catch {
      // Only a date that is not one (an old browser's text field) throws.
      refuse();
      return;
    }
    showResult(result, { template, output, uiLang, status: fields.status });
    fields.status.textContent = (result.problems.length > 0 ? fields.status.dataset.problems : fields.status.dataset.ready) ?? '';
  });
  form.hidden = false;
}

/** The form as a request to composeAway, or undefined when a date is missing or not a date. */
function requestOf(fields: Fields, today: string): AwayRequest | undefined {
  const from = moment(fields.from.value, fields.fromTime.value);
  const until = moment(fields.until.value, fields.untilTime.value);
  if (from === undefined || until === undefined) return undefined;
  const contactId = fields.substitute.value;
  const text = fields.substituteText.value.trim();
  const name = fields.name.value.trim();
  return {
    from,
    until,
    today,
    ...(contactId !== '' ? { substitute: { contactId } } : text !== '' ? { substitute: { text } } : {}),
    ...(name !== '' ? { name } : {}),
  };
}

/** `YYYY-MM-DD`, with `THH:MM` when a time is given; undefined when the date is not one. */
function moment(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const clock = /^\d{2}:\d{2}/.exec(time)?.[0];
  return clock === undefined ? date : `${date}T${clock}`;
}

/** Today's date in the office's time zone (the notice is judged by the office's calendar). */
function todayIn(timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  }
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function textIn(texts: Readonly<Record<string, string>>, lang: string, languages: readonly string[]): string | undefined {
  for (const candidate of [lang, ...languages, ...Object.keys(texts)]) {
    const text = texts[candidate];
    if (text) return text;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// The result

interface Target {
  readonly template: HTMLTemplateElement;
  readonly output: HTMLElement;
  readonly uiLang: string;
  readonly status: HTMLElement;
}

let blockCount = 0;

function showResult(result: AwayResult, target: Target): void {
  const { template, output, uiLang } = target;
  const frame = template.content.cloneNode(true) as DocumentFragment;
  const slot = (name: string): HTMLElement | null => frame.querySelector(`[data-slot="${name}"]`);
  const block = (name: string): HTMLElement | null => frame.querySelector(`[data-block="${name}"]`);
  const copyButton = slot('copy');
  copyButton?.remove();
  const make: Maker = { uiLang, copyButton: copyButton instanceof HTMLButtonElement ? copyButton : undefined, status: target.status };

  const problems = slot('problems');
  const problemList = slot('problem-list');
  if (problems && problemList && result.problems.length > 0) {
    for (const problem of result.problems) {
      const item = document.createElement('li');
      item.textContent = problem.message[uiLang] ?? problem.message.en ?? Object.values(problem.message)[0] ?? problem.code;
      problemList.append(item);
    }
    problems.hidden = false;
  }

  const back = slot('back');
  const backDate = slot('back-date');
  if (result.backOn !== undefined && backDate) {
    const time = document.createElement('time');
    time.dateTime = result.backOn;
    time.textContent = formatDate(result.backOn, uiLang, true);
    backDate.replaceWith(time);
  } else {
    back?.remove();
  }

  const autoReply = block('auto-reply');
  if (autoReply) {
    const words = autoReply.dataset;
    // One block in every language: each language's part is marked, so that a screen reader reads it in its own voice.
    const languages = blockOrder(result.byLanguage.map((texts) => texts.lang));
    const blocks = result.autoReply.differ
      ? [
          textBlock(make, words.titleInternal ?? '', result.autoReply.internal, { languages }),
          textBlock(make, words.titleExternal ?? '', result.autoReply.external, { languages }),
        ]
      : [textBlock(make, words.title ?? '', result.autoReply.internal, { languages })];
    autoReply.replaceWith(...blocks);
  }

  const voicemail = block('voicemail');
  if (voicemail) {
    const words = voicemail.dataset;
    const names = languageNames(uiLang);
    const blocks = result.byLanguage.map((texts) => {
      const title = result.byLanguage.length > 1 ? `${words.title ?? ''} (${names(texts.lang)})` : (words.title ?? '');
      const note = texts.voicemailTooLong ? paragraph('away-text__note', words.tooLong ?? '') : undefined;
      return textBlock(make, title, texts.voicemail, { lang: texts.lang, before: note ? [note] : [] });
    });
    voicemail.replaceWith(...blocks);
  }

  const notice = block('notice');
  if (notice) {
    const words = notice.dataset;
    const blocks = result.notices.map((item) => {
      const subject = paragraph('away-text__subject', '');
      const label = document.createElement('span');
      label.className = 'inline-label';
      label.textContent = `${words.subject ?? ''}:`;
      subject.append(label, ` ${item.subject}`);
      const after: HTMLElement[] = [];
      if (item.mailto.startsWith('mailto:')) {
        const link = document.createElement('a');
        link.className = 'away-text__mailto';
        link.href = item.mailto;
        link.textContent = words.send ?? '';
        after.push(paragraph('away-text__send', '', link));
      }
      return textBlock(
        make,
        (words.title ?? '').replace('{name}', () => item.name),
        item.body,
        { lang: item.lang, before: [subject], after },
      );
    });
    notice.replaceWith(...blocks);
  }

  output.replaceChildren(frame);
  output.hidden = false;
}

interface Maker {
  readonly uiLang: string;
  readonly copyButton: HTMLButtonElement | undefined;
  readonly status: HTMLElement;
}

/** One ready text: a heading, the text as it will be sent (white space kept), and a copy button. */
function textBlock(
  make: Maker,
  title: string,
  text: string,
  options: {
    readonly lang?: string;
    /** The languages of a text in several, in the order of its parts (between LANGUAGE_SEPARATORs). */
    readonly languages?: readonly string[];
    readonly before?: readonly HTMLElement[];
    readonly after?: readonly HTMLElement[];
  } = {},
): HTMLElement {
  blockCount += 1;
  const id = `away-text-${blockCount}`;
  const section = document.createElement('section');
  section.className = 'away-text';
  section.setAttribute('aria-labelledby', `${id}-heading`);
  const heading = document.createElement('h5');
  heading.className = 'away-text__heading';
  heading.id = `${id}-heading`;
  heading.textContent = title;
  const body = document.createElement('pre');
  body.className = 'away-text__body';
  body.id = id;
  fillText(body, text, options.languages, make.uiLang);
  if (options.lang && options.lang !== make.uiLang) markLanguage(body, options.lang, make.uiLang);
  section.append(heading, ...(options.before ?? []), body);
  if (make.copyButton) {
    const button = make.copyButton.cloneNode(true) as HTMLButtonElement;
    const what = document.createElement('span');
    what.className = 'visually-hidden';
    what.textContent = `: ${title}`;
    button.append(what);
    // Said by the live region; shown beside the button too, for whoever is looking there.
    const done = document.createElement('span');
    done.className = 'away-text__copied';
    done.setAttribute('aria-hidden', 'true');
    button.addEventListener('click', () => void copyText(body, make.status, done));
    section.append(paragraph('away-text__actions', '', button, ' ', done));
  }
  section.append(...(options.after ?? []));
  return section;
}

/** The text as it is (what is copied); a text in several languages as one part per language, each marked with its `lang`. */
function fillText(body: HTMLElement, text: string, languages: readonly string[] | undefined, uiLang: string): void {
  const parts = text.split(LANGUAGE_SEPARATOR);
  if (!languages || languages.length < 2 || parts.length !== languages.length) {
    body.textContent = text;
    return;
  }
  parts.forEach((part, index) => {
    if (index > 0) body.append(LANGUAGE_SEPARATOR);
    const span = document.createElement('span');
    span.textContent = part;
    const lang = languages[index];
    if (lang && lang !== uiLang) markLanguage(span, lang, uiLang);
    body.append(span);
  });
}

/** `lang` on an element whose text is in another language than around it, and `dir` when that language runs the other way (an Arabic text in a Finnish page). */
function markLanguage(element: HTMLElement, lang: string, around: string): void {
  element.lang = lang;
  const dir = textDirection(lang);
  if (dir !== textDirection(around)) element.dir = dir;
}

function paragraph(className: string, text: string, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement('p');
  element.className = className;
  if (text !== '') element.textContent = text;
  element.append(...children);
  return element;
}

/** Copies a text to the clipboard; where the browser refuses, selects it so that Ctrl+C copies it. */
async function copyText(body: HTMLElement, status: HTMLElement, done: HTMLElement): Promise<void> {
  try {
    // Absent on pages not served over HTTPS or from localhost.
    if (!(navigator.clipboard as Clipboard | undefined)) throw new Error('no clipboard');
    await navigator.clipboard.writeText(body.textContent ?? '');
    status.textContent = status.dataset.copied ?? '';
    done.textContent = status.dataset.copied ?? '';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(body);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = status.dataset.copyFailed ?? '';
    done.textContent = status.dataset.copyFailed ?? '';
  }
}

/** A language's name in the interface's language ("ruotsi"), else its code. */
function languageNames(uiLang: string): (lang: string) => string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([uiLang], { type: 'language' });
  } catch {
    names = undefined;
  }
  return (lang) => {
    try {
      return names?.of(lang) ?? lang;
    } catch {
      return lang;
    }
  };
}
