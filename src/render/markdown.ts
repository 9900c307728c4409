import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Charter text is untrusted. Markdown becomes HTML through marked (which does
 * not sanitize), then through an allowlist: a few inline and list tags, links
 * to http(s), mailto and tel only, no attributes but href and title. Headings
 * become strong paragraphs so that a charter cannot break the page's heading
 * order.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'a', 'ul', 'ol', 'li', 'code', 'blockquote', 'del'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'p',
    h2: 'p',
    h3: 'p',
    h4: 'p',
    h5: 'p',
    h6: 'p',
  },
};

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Rendered Markdown by source: baseline texts repeat in every unit, and each page language renders again. */
const rendered = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = marked.parse(markdown, { async: false });
  // A link whose address was refused keeps its text, without being a link.
  const safe = sanitizeHtml(html, SANITIZE_OPTIONS)
    .replace(/<a>([\s\S]*?)<\/a>/g, '$1')
    .trim();
  if (rendered.size >= CACHE_LIMIT) rendered.clear();
  rendered.set(markdown, safe);
  return safe;
}

/** Markdown to plain text (for summaries in lists and search excerpts). */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
