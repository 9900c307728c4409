import { isMessageLocale, type MessageLocale } from '../messages/locale.js';
import { message, renderMessage } from '../messages/message.js';
import Handlebars from 'handlebars';

/**
 * The language `charter serve` answers in when it has no page to give (an
 * address with nothing built at it, a refused request): the language of the
 * address (`/fi/...`), else the first of fi, sv and en the browser asks for
 * (Accept-Language, by its weights), else English.
 */
export function answerLocale(sitePath: string | undefined, acceptLanguage: string | undefined): MessageLocale {
  const first = sitePath?.split('/').find((segment) => segment !== '') ?? '';
  if (isMessageLocale(first)) return first;
  return preferredLocale(acceptLanguage ?? '') ?? 'en';
}

/** The first message locale an Accept-Language header asks for (`sv-FI,sv;q=0.9,en;q=0.5`), by weight, then order. */
function preferredLocale(header: string): MessageLocale | undefined {
  const asked = header
    .split(',')
    .slice(0, 50)
    .map((entry, order) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const weight = parameters.map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { language: tag.split('-')[0]?.trim().toLowerCase() ?? '', weight: weight === undefined ? 1 : Number(weight), order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return asked.map((entry) => entry.language).find(isMessageLocale);
}

/** The page for an address with nothing built at it, in `locale`, leading to `frontPage` (a path of the site). */
export function notFoundPage(locale: MessageLocale, frontPage: string): string {
  const escapeHtml = Handlebars.Utils.escapeExpression;
  const title = escapeHtml(renderMessage(message('cli.serve.http.not-found.title'), locale));
  const text = escapeHtml(renderMessage(message('cli.serve.http.not-found.text'), locale));
  const link = escapeHtml(renderMessage(message('cli.serve.http.not-found.front-page'), locale));
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="${escapeHtml(frontPage)}">${link}</a></p></main></body></html>`
  );
}
