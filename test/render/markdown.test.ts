import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../src/render/markdown.js';

describe('Markdown from charters is rendered and sanitized', () => {
  it('keeps ordinary formatting and safe links', () => {
    expect(renderMarkdown('We serve **well**, see [the form](https://www.example.fi/form) or [mail](mailto:a@example.fi).')).toBe(
      '<p>We serve <strong>well</strong>, see <a href="https://www.example.fi/form">the form</a> or <a href="mailto:a@example.fi">mail</a>.</p>',
    );
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
  });

  it.each([
    ['<script>alert(1)</script>Hi', 'Hi'],
    ['[x](javascript:alert(1))', '<p>x</p>'],
    ['[x](JaVaScRiPt:alert(1))', '<p>x</p>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p>x</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<a href="https://example.fi" onclick="alert(1)">x</a>', '<p><a href="https://example.fi">x</a></p>'],
    ['<iframe src="https://example.fi"></iframe>', ''],
    ['<style>body{display:none}</style>text', 'text'],
    ['# Heading', '<p>Heading</p>'],
    ['&lt;script&gt; stays text', '<p>&lt;script&gt; stays text</p>'],
    ['[x](//evil.example/path)', '<p>x</p>'],
  ])('makes %j inert', (markdown, html) => {
    const rendered = renderMarkdown(markdown);
    expect(rendered).toBe(html);
    expect(rendered).not.toMatch(/<script|javascript:|onerror|onclick|<iframe|<img|<style/i);
  });

  it('turns Markdown into plain text for lists', () => {
    expect(markdownToText('We advise **before** you apply: [form](https://example.fi).')).toBe('We advise before you apply: form.');
  });
});
