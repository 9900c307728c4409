import type { ResolvedCharter } from '../load/resolved-charter.js';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import { loadSiteTemplates, siteInputs } from '../site/inputs.js';
import { planCards, qrCode, type CheckedCharters } from './card-pages.js';
import { CardPrinter, type Overflow } from './render-pdf.js';
import type { CardSize } from './sheet-layout.js';
import { message, worded } from '../messages/message.js';

/** Rule id of a card whose text does not fit its size. */
export const CARD_FIT_RULE = 'card-fit';

export function fitDiagnostic(charter: ResolvedCharter, lang: string, size: CardSize, overflow: Overflow, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const path: JsonPath = (overflow.path ?? '')
    .split('.')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const located = charter.locate(path);
  const millimetres = Math.max(1, Math.round((overflow.by * 25.4) / 96));
  const side = overflow.side === 'front' ? message('rules.card-fit.front') : message('rules.card-fit.back');
  const text =
    path.length > 0
      ? message('rules.card-fit.path-too-long', { lang, size, side, path: formatJsonPath(path), millimetres })
      : message('rules.card-fit.content-too-long', { lang, size, side, millimetres });
  return {
    ruleId: CARD_FIT_RULE,
    severity,
    ...worded(text),
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path,
  };
}

/**
 * Measures every card of a collection in Chromium, without printing, and
 * returns a finding for each side whose text does not fit (`charter validate
 * --check-cards`). A QR code is assumed, as it takes room on the back.
 */
export async function checkCardFit(
  checked: CheckedCharters,
  options: { readonly size: CardSize; readonly today?: string; readonly chromium?: string; readonly severity?: 'error' | 'warning' },
): Promise<Diagnostic[]> {
  const templates = await loadSiteTemplates(siteInputs({ cwd: '.' }));
  const { cards, problems } = planCards(checked, options.today);
  if (problems.length > 0) return [...problems];
  // The real address is not known here; a code of typical length takes the same room.
  const placeholderQr = await qrCode('https://intranet.example.fi/xx/placeholder-charter-id/');
  const printer = await CardPrinter.start(options.chromium);
  try {
    const findings: Diagnostic[] = [];
    for (const { page: card, charter } of cards) {
      const page = { ...card, cardSize: options.size, qr: placeholderQr };
      const overflows = await printer.measure(templates.render(page), page.url);
      for (const overflow of overflows) findings.push(fitDiagnostic(charter, card.frame.lang, options.size, overflow, options.severity ?? 'warning'));
    }
    return findings;
  } finally {
    await printer.close();
  }
}
