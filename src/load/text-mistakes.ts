import type { Document, Node as YamlNode, Pair } from 'yaml';
import { message, type MessageRef } from '../messages/message.js';
import { looksLikeKey, quoteColon, quoteComma } from './plain-text.js';
import { yaml } from './yaml-module.js';

type Report = (ruleId: string, text: MessageRef, start: number, end: number) => void;

/**
 * Texts that YAML reads, without complaint, as something else:
 * - a list item with `: ` in it (`- Huom: tämä`) becomes a map of one key;
 * - a comma inside `{ }` (`{ fi: Kirjasto, Lehtisali, sv: ... }`) ends the
 *   text, and what follows becomes a key without a value;
 * - a colon without a space in `{ }` (`{ fi:Kirjasto }`) makes one key of both.
 * Each is reported at the text, saying to put it in quotes.
 */
export function reportTextMistakes(doc: Document.Parsed, text: string, report: Report): void {
  if (!text.includes(':')) return;
  yaml().visit(doc, {
    Seq: (_key, seq) => {
      for (const item of seq.items) {
        if (!yaml().isMap(item) || item.items.length !== 1) continue;
        const pair = item.items[0] as Pair<YamlNode | null, YamlNode | null>;
        const key = pair.key;
        const value = pair.value;
        if (!isPlain(key) || !isPlain(value) || typeof key.value !== 'string' || looksLikeKey(key.value)) continue;
        const start = key.range?.[0] ?? 0;
        const end = value.range?.[1] ?? start;
        report('yaml-syntax', quoteColon(text.slice(start, end)), start, end);
      }
    },
    Map: (_key, map) => {
      if (!map.flow || map.tag !== undefined) return; // a tagged map (`!!set { a, b }`) is reported for its tag
      let previous: Pair<YamlNode | null, YamlNode | null> | undefined;
      // `{ fi: a, b, c }`: the text before the commas and the keys without values after them, as one finding.
      let cut: { start: number; end: number } | undefined;
      const reportCut = (): void => {
        if (cut) report('yaml-syntax', quoteComma(text.slice(cut.start, cut.end)), cut.start, cut.end);
        cut = undefined;
      };
      for (const item of map.items as Pair<YamlNode | null, YamlNode | null>[]) {
        const key = item.key;
        // `{ fi: Päällikkö, en }`, `{ fi: Päällikkö, smn }`: a language without its text, which the rules report as such.
        if (item.value !== null || !isPlain(key) || typeof key.value !== 'string' || /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(key.value)) {
          reportCut();
          previous = item;
          continue;
        }
        const [keyStart, keyEnd] = [key.range?.[0] ?? 0, key.range?.[1] ?? 0];
        const squeezed = /^([^\s:]+):([^\s/].*)$/.exec(key.value);
        if (squeezed) {
          reportCut();
          report('yaml-syntax', message('load.yaml.colon-needs-space', { fixed: `${squeezed[1] as string}: ${squeezed[2] as string}` }), keyStart, keyEnd);
        } else if (cut) {
          cut.end = keyEnd;
        } else if (previous && isPlain(previous.value) && typeof previous.value.value === 'string') {
          cut = { start: previous.value.range?.[0] ?? keyStart, end: keyEnd };
        } else {
          report('yaml-syntax', message('load.yaml.flow-key-without-value', { key: key.value }), keyStart, keyEnd);
        }
        previous = undefined;
      }
      reportCut();
    },
  });
}

function isPlain(node: YamlNode | null | undefined): node is YamlNode & { readonly type: 'PLAIN'; readonly value: unknown } {
  return yaml().isScalar(node) && node.type === 'PLAIN';
}
