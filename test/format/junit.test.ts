import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, formatJunit } from '../../src/format/junit.js';
import type { FileResult } from '../../src/model/diagnostic.js';
import { CLEAN_FILE, CONTEXT, MIXED_FILE, RESULTS, SPACED_FILE, TOTALS, WARNINGS_FILE, WEAKER } from '../fixtures/diagnostics.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (ENTITIES[entity] ?? ''),
  );
}

/**
 * A strict little parser for the subset of XML the formatter writes (prolog,
 * elements, attributes, text): throws on anything not well-formed.
 */
function parseXml(xml: string): XmlElement {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('character not allowed in XML 1.0');
  const prolog = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (!xml.startsWith(prolog)) throw new Error('missing XML declaration');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let position = prolog.length;
  token.lastIndex = position;
  while (position < xml.length) {
    const match = token.exec(xml);
    if (!match || match.index !== position) throw new Error(`not well-formed at ${position}: ${xml.slice(position, position + 30)}`);
    position = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (text.includes('>') && text.includes(']]>')) throw new Error(']]> in text');
      current.text += decode(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name: name!, attributes: {}, children: [], text: '' };
    for (const [, key, value] of (attributeText ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (key! in element.attributes) throw new Error(`duplicate attribute ${key}`);
      element.attributes[key!] = decode(value!);
    }
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('one root element expected');
  return root.children[0]!;
}

describe('junit formatter', () => {
  const output = formatJunit(RESULTS, CONTEXT);
  const suites = parseXml(output);
  const suite = suites.children[0]!;
  const cases = suite.children;

  it('is well-formed XML with the declaration, ending in a newline', () => {
    expect(output.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites ')).toBe(true);
    expect(output.endsWith('</testsuites>\n')).toBe(true);
  });

  it('the checking parser rejects broken XML', () => {
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a><b></a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a>x & y</a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a b="1 < 2"/>')).toThrow();
  });

  it('counts one test per file and one failure per file with errors', () => {
    expect(suites.name).toBe('testsuites');
    expect(suites.attributes).toEqual({ name: 'charter', tests: '4', failures: String(TOTALS.filesWithErrors), errors: '0' });
    expect(suites.children).toHaveLength(1);
    expect(suite.name).toBe('testsuite');
    expect(suite.attributes).toMatchObject({ name: 'charter validate', tests: '4', failures: '2', errors: '0' });
    expect(cases.map((testCase) => testCase.name)).toEqual(['testcase', 'testcase', 'testcase', 'testcase']);
    expect(cases.map((testCase) => testCase.attributes)).toEqual([
      { name: MIXED_FILE, classname: 'charter' },
      { name: WARNINGS_FILE, classname: 'charter' },
      { name: CLEAN_FILE, classname: 'charter' },
      { name: SPACED_FILE, classname: 'charter' },
    ]);
  });

  it('fails a file with errors, listing every diagnostic in order', () => {
    const [failure] = cases[0]!.children;
    expect(failure?.name).toBe('failure');
    expect(failure?.attributes.message).toBe('2 errors, 1 warning');
    expect(failure?.text.split('\n')).toEqual([
      "3:12 error the summary holds raw HTML <script>alert('x')</script> & 100% of it will be dropped (schema)",
      `12:5 error the promise "reply in 2 työpäivää" is weaker than the baseline's 1 day: keep it, or explain why (no-weaker-than-baseline)`,
      '20:7 warning opening hours 08:00-16:00, mon-fri leave no time for "after-hours" calls (opening-hours)',
    ]);
    expect(cases[3]!.children.map((child) => [child.name, child.attributes.message])).toEqual([['failure', '1 error, 0 warnings']]);
  });

  it('passes a warnings-only file but lists its warnings in system-out', () => {
    expect(cases[1]!.children.map((child) => child.name)).toEqual(['system-out']);
    expect(cases[1]!.children[0]!.text).toBe(
      '2:1 warning the Swedish text is missing (languages-complete)\n8:9 warning the review is due in 14 days (2026-10-01) (review-due)',
    );
  });

  it('passes a clean file with an empty test case', () => {
    expect(cases[2]!.children).toEqual([]);
    expect(output).toContain(`<testcase name="${CLEAN_FILE}" classname="charter"/>`);
  });

  it('escapes markup in text', () => {
    expect(output).toContain("raw HTML &lt;script&gt;alert('x')&lt;/script&gt; &amp; 100% of it");
    expect(output).not.toContain('<script>');
  });

  it('escapes attributes, drops characters XML 1.0 forbids from them, and shows control characters in names and messages', () => {
    const file = `a "b" & <c> 'd'\u0000\u0008\u000B\u001F\u0085\u202E\u2066\uFFFE\uD800.yaml`;
    const results: FileResult[] = [{ file, diagnostics: [{ ...WEAKER, file, message: 'x\u0001y\r\nz' }] }];
    const xml = formatJunit(results, CONTEXT);
    const testCase = parseXml(xml).children[0]!.children[0]!;
    expect(testCase.attributes.name).toBe(`a "b" & <c> 'd'\\u0000\\u0008\\u000b\\u001f\\u0085\\u202e\\u2066.yaml`);
    expect(xml).toContain('name="a &quot;b&quot; &amp; &lt;c&gt; &apos;d&apos;\\u0000');
    expect(xml).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(testCase.children[0]?.text).toBe('12:5 error x\\u0001y z (no-weaker-than-baseline)');

    expect(escapeAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeText('a & b < c > d\r')).toBe('a &amp; b &lt; c &gt; d&#13;');
    expect(escapeText('emoji \uD83D\uDE00 stays, lone \uDC00 goes')).toBe('emoji \uD83D\uDE00 stays, lone  goes');
  });

  it('writes an empty but valid report for no files', () => {
    const empty = parseXml(formatJunit([], CONTEXT));
    expect(empty.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(empty.children[0]!.children).toEqual([]);
  });
});
