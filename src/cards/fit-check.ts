import type { ResolvedCharter } from '../load/resolved-charter.js';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import { loadSiteTemplates, siteInputs, themeLinks } from '../site/inputs.js';
import { planCards, type CheckedCharters } from './card-pages.js';
import { cardAtItsFile, cardTheme } from './card-theme.js';
import { CardPrinter, type Overflow } from './render-pdf.js';
import type { CardSize } from './sheet-layout.js';
import { message, worded, type MessageRef } from '../messages/message.js';

/** Rule id of a card whose text does not fit its size. */
export const CARD_FIT_RULE = 'card-fit';

/**
 * The next larger size, to suggest when text does not fit: a card cut off
 * at the trim edge is of no use, and A6 is the largest there is.
 */
const LARGER_SIZE: Readonly<Record<CardSize, CardSize | undefined>> = { 'credit-card': 'a7', a7: 'a6', a6: undefined };

/**
 * A card side that does not fit, as an error at the text that overflows: its
 * path in its language (`guide[0].text.fi`) and where that text is written,
 * in the unit's file or in the baseline it inherits the text from. Both
 * `charter cards` and `charter validate --check-cards` report it so.
 */
export function fitDiagnostic(charter: ResolvedCharter, lang: string, size: CardSize, overflow: Overflow): Diagnostic {
  const path: JsonPath = (overflow.path ?? '')
    .split('.')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const located = charter.locate(path);
  const millimetres = Math.max(1, Math.round((overflow.by * 25.4) / 96));
  const side = overflow.side === 'front' ? message('rules.card-fit.front') : message('rules.card-fit.back');
  const advice = fitAdvice(overflow, size);
  const values = { lang, size, side, millimetres, advice };
  const text =
    path.length > 0
      ? message(overflow.across ? 'rules.card-fit.path-too-wide' : 'rules.card-fit.path-too-long', { ...values, path: formatJsonPath(path) })
      : message(overflow.across ? 'rules.card-fit.content-too-wide' : 'rules.card-fit.content-too-long', values);
  return {
    ruleId: CARD_FIT_RULE,
    severity: 'error',
    ...worded(text),
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path,
  };
}

/** Shorten this text by so much (or the side's texts, when this one alone is too short), or print the next size up if there is one. */
function fitAdvice(overflow: Overflow, size: CardSize): MessageRef {
  const shorten = overflow.across
    ? message('rules.card-fit.shorten-word', { characters: Math.max(1, overflow.characters) })
    : overflow.path !== undefined && overflow.characters <= overflow.textLength
      ? message('rules.card-fit.shorten-text', { characters: roundUp(overflow.characters), count: overflow.lines })
      : message('rules.card-fit.shorten-side', { count: overflow.lines });
  const larger = LARGER_SIZE[size];
  return larger === undefined ? shorten : message('rules.card-fit.or-larger-size', { shorten, larger });
}

/** "About 40 characters", not "about 37": to the next 5. */
function roundUp(characters: number): number {
  return Math.max(5, Math.ceil(characters / 5) * 5);
}

/** The findings of one printed or measured card. */
export function fitFindings(charter: ResolvedCharter, lang: string, size: CardSize, overflows: readonly Overflow[]): Diagnostic[] {
  return overflows.map((overflow) => fitDiagnostic(charter, lang, size, overflow));
}

/**
 * Measures every card of a collection in Chromium, without printing, and
 * returns an error for each side whose text does not fit (`charter validate
 * --check-cards`): the same page `charter cards` prints with the same base
 * address (with the QR code when there is one), measured the same way, so
 * both commands report the same figure.
 */
export async function checkCardFit(
  checked: CheckedCharters,
  options: {
    readonly size: CardSize;
    readonly today?: string;
    readonly baseUrl?: string;
    readonly chromium?: string;
    /** The theme `charter cards` is given (`--css`, `--logo`): a logo takes room on the front. */
    readonly css?: string;
    readonly logo?: string;
    readonly cwd?: string;
  },
): Promise<Diagnostic[]> {
  const cwd = options.cwd ?? '.';
  const inputs = siteInputs({ cwd, ...(options.css === undefined ? {} : { css: options.css }), ...(options.logo === undefined ? {} : { logo: options.logo }) });
  const theme = cardTheme(inputs, cwd);
  const templates = await loadSiteTemplates(inputs);
  const { cards, problems } = planCards(checked, options.today, themeLinks(inputs));
  if (problems.length > 0) return [...problems];
  const printer = await CardPrinter.start(options.chromium, 2, theme.served);
  try {
    const findings: Diagnostic[] = [];
    for (const { page: card, charter } of cards) {
      const { page, url } = await cardAtItsFile(card, options.size, options.baseUrl);
      const overflows = await printer.measure(templates.render(page), url);
      findings.push(...fitFindings(charter, card.frame.lang, options.size, overflows));
    }
    return findings;
  } finally {
    await printer.close();
  }
}
