import type { ResolvedCharter } from '../load/resolved-charter.js';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import { loadSiteTemplates, siteInputs } from '../site/inputs.js';
import { planCards, qrCode, type CheckedCharters } from './card-pages.js';
import { CardPrinter, type Overflow } from './render-pdf.js';
import type { CardSize } from './sheet-layout.js';

/** Rule id of a card whose text does not fit its size. */
export const CARD_FIT_RULE = 'card-fit';

export function fitDiagnostic(charter: ResolvedCharter, lang: string, size: CardSize, overflow: Overflow, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const path: JsonPath = (overflow.path ?? '')
    .split('.')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const located = charter.locate(path);
  const millimetres = Math.max(1, Math.round((overflow.by * 25.4) / 96));
  const where = path.length > 0 ? `\`${formatJsonPath(path)}\` does not fit` : 'the content does not fit';
  return {
    ruleId: CARD_FIT_RULE,
    severity,
    message: `on the ${lang} ${size} card's ${overflow.side}, ${where} (about ${millimetres} mm too long); shorten the text or print a larger --size`,
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
