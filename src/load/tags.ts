import type { Document } from 'yaml';
import { yaml } from './yaml-module.js';
import type { ReportAt as Report } from './control-characters.js';
import { message } from '../messages/message.js';

/**
 * Reports every tag (`!!binary`, `!!str`, `!x`), at the tag. Charters use
 * plain YAML 1.2 data: a tag either changes nothing or makes a value that
 * is not data (bytes, dates, sets), and the YAML readers disagree on them.
 */
export function reportTags(doc: Document.Parsed, text: string, report: Report): void {
  if (!text.includes('!')) return;
  yaml().visit(doc, {
    Node: (_key, node) => {
      if (node.tag === undefined) return;
      const start = tagStart(text, node.range?.[0] ?? 0);
      const written = text.charCodeAt(start) === EXCLAMATION ? tagAsWritten(text, start) : node.tag;
      report('yaml-syntax', message('load.yaml.tag', { tag: written }), start, start + written.length);
    },
  });
}

const EXCLAMATION = 0x21;

/** Where the tag of a node starting at `valueStart` is: before it, past an anchor perhaps, maybe on an earlier line. */
function tagStart(text: string, valueStart: number): number {
  let index = valueStart;
  for (let token = 0; token < 2; token++) {
    while (index > 0 && /\s/.test(text.charAt(index - 1))) index--;
    let start: number;
    if (text.charAt(index - 1) === '>') {
      start = text.lastIndexOf('!<', index); // a verbatim tag may hold commas and brackets
    } else {
      start = index;
      while (start > 0 && !/[\s[{,]/.test(text.charAt(start - 1))) start--;
    }
    if (start >= 0 && text.charCodeAt(start) === EXCLAMATION) return start;
    if (start < 0 || text.charCodeAt(start) !== 0x26) break; // only an anchor (&name) may stand between
    index = start;
  }
  return valueStart;
}

function tagAsWritten(text: string, start: number): string {
  if (text.startsWith('!<', start)) {
    const end = text.indexOf('>', start);
    if (end !== -1) return text.slice(start, end + 1);
  }
  let end = start;
  while (end < text.length && !/[\s,\]}]/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}
