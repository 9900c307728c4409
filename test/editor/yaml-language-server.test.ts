import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';

/**
 * What an administrator's editor shows: Red Hat's YAML language server (the
 * engine of VS Code's YAML extension) reading our examples through their
 * `# yaml-language-server: $schema=...` first line.
 */
const require = createRequire(import.meta.url);
interface Range {
  start: { line: number; character: number };
}
interface LanguageService {
  configure(settings: Record<string, unknown>): void;
  doValidation(document: unknown, isKubernetes: boolean): Promise<{ range: Range; message: string }[]>;
  doHover(document: unknown, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null>;
  doComplete(document: unknown, position: { line: number; character: number }, isKubernetes: boolean): Promise<{ items: { label: string }[] }>;
}
const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js') as {
  getLanguageService: (params: Record<string, unknown>) => LanguageService;
};
const { TextDocument } = require('vscode-languageserver-textdocument') as {
  TextDocument: { create(uri: string, language: string, version: number, text: string): unknown };
};

const repoRoot = join(import.meta.dirname, '..', '..');
const chartersFolder = join(repoRoot, 'charters');

function editor(): LanguageService {
  const service = getLanguageService({
    schemaRequestService: (uri: string) => Promise.resolve(readFileSync(fileURLToPath(uri), 'utf8')),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
  });
  service.configure({ validate: true, completion: true, hover: true, schemas: [] });
  return service;
}

let version = 0;
/** Opens text as if it were a file in charters/ (a new version each time: the server caches by version). */
function open(name: string, text: string): unknown {
  return TextDocument.create(pathToFileURL(join(chartersFolder, name)).href, 'yaml', ++version, text);
}

function positionOf(text: string, marker: string): { line: number; character: number } {
  const index = text.indexOf(marker);
  const before = text.slice(0, index);
  return { line: before.split('\n').length - 1, character: index - before.lastIndexOf('\n') - 1 };
}

describe('editing a charter with the YAML language server', () => {
  const examples = readdirSync(chartersFolder).filter((name) => name.endsWith('.yaml'));

  it.each(examples)('%s shows no problems', async (name) => {
    const text = readFileSync(join(chartersFolder, name), 'utf8');
    expect(await editor().doValidation(open(name, text), false)).toEqual([]);
  });

  it('underlines a mistake where it is, with our message', async () => {
    const text = readFileSync(join(chartersFolder, 'city-library.yaml'), 'utf8').replace('within: 4 working hours', 'within: 4 workhours');
    const problems = await editor().doValidation(open('city-library.yaml', text), false);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('must be a duration such as `30 seconds`');
    expect(problems[0]?.range.start.line).toBe(positionOf(text, '4 workhours').line);
  });

  it('takes a charter in Northern Sámi and Finnish, and underlines a language that is not a tag', async () => {
    const text = readFileSync(join(chartersFolder, 'city-library.yaml'), 'utf8');
    const languages = /^languages: \[.*\]$/m.exec(text)?.[0] ?? '';
    expect(languages).not.toBe('');
    const sami = text
      .replace(languages, 'languages: [se, fi, sv, en]')
      .replace('    fi: Kaupunginkirjasto\n', '    se: Gávpotgirjerádju\n    fi: Kaupunginkirjasto\n');
    expect(sami).toContain('se: Gávpotgirjerádju');
    const problems = await editor().doValidation(open('city-library.yaml', sami), false);
    expect(problems).toEqual([]);
    const wrong = await editor().doValidation(open('city-library.yaml', text.replace(languages, 'languages: [fi, sv, en, sámi]')), false);
    expect(wrong.map((problem) => problem.message)).toEqual([expect.stringContaining('must be a BCP 47 language tag such as fi')]);
  });

  it('explains a key on hover', async () => {
    const text = readFileSync(join(chartersFolder, 'city-library.yaml'), 'utf8');
    const hover = await editor().doHover(open('city-library.yaml', text), positionOf(text, 'absence:'));
    expect(hover?.contents.value).toContain('What an official does before being away');
  });

  it('completes keys and values', async () => {
    const modeline = '# yaml-language-server: $schema=../schema/charter.schema.json\n';
    const values = await editor().doComplete(
      open('new-unit.yaml', `${modeline}charter: 1\nchannels:\n  phone:\n    charge: \n`),
      { line: 4, character: 12 },
      false,
    );
    expect(values.items.map((item) => item.label)).toEqual(expect.arrayContaining(['free', 'local', 'chargeable']));
    const keys = await editor().doComplete(open('new-unit.yaml', `${modeline}charter: 1\nchannels:\n  \n`), { line: 3, character: 2 }, false);
    expect(keys.items.map((item) => item.label)).toEqual(expect.arrayContaining(['phone', 'email', 'letter', 'counter', 'eservice']));
  });

  it('completes and checks format 1.1: a line in a list of phone lines, a promise variant, a service', async () => {
    const modeline = '# yaml-language-server: $schema=../schema/charter.schema.json\n';
    const lines = `${modeline}charter: 1.1\nchannels:\n  phone:\n    - id: sami\n      \n`;
    const keys = await editor().doComplete(open('new-unit.yaml', lines), { line: 5, character: 6 }, false);
    expect(keys.items.map((item) => item.label)).toEqual(expect.arrayContaining(['number', 'serviceLanguages', 'audience', 'averageAnswer', 'abandoned']));
    const kinds = await editor().doComplete(open('new-unit.yaml', `${modeline}charter: 1.1\nchannels:\n  \n`), { line: 3, character: 2 }, false);
    expect(kinds.items.map((item) => item.label)).toEqual(expect.arrayContaining(['chat', 'video', 'sms', 'relay', 'suomifiMessages', 'homeVisit']));
    const text = readFileSync(join(chartersFolder, 'city-library.yaml'), 'utf8').replace(
      /\nchannels:\n/,
      '\nservices:\n  - { id: loans, name: { fi: Lainat, sv: Lån, en: Loans }, promises: [{ id: reservation, name: { fi: Varaus, sv: Reservation, en: Reservation }, within: 2 workdays }] }\nchannels:\n',
    );
    const problems = await editor().doValidation(open('city-library.yaml', text), false);
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('must be a duration such as `30 seconds`')]);
  });

  it('underlines the YAML errors that `charter validate` reports, on the same line', async () => {
    const modeline = '# yaml-language-server: $schema=../schema/charter.schema.json\n';
    const body = readFileSync(join(chartersFolder, 'city-library.yaml'), 'utf8').replace(/^#.*\n/gm, '');
    // A key on the `---` line, the rest indented under it: js-yaml read this; YAML 1.2 does not.
    const onMarkerLine = `${modeline}--- ${body.replace(/\n(?=.)/g, '\n    ')}`;
    const problems = await editor().doValidation(open('city-library.yaml', onMarkerLine), false);
    expect(problems[0]?.message).toBe('Block collection cannot start on same line with directives-end marker');
    expect(problems[0]?.range.start.line).toBe(1);
    const { diagnostics } = parseYamlSource('city-library.yaml', onMarkerLine, DEFAULT_LIMITS, { fast: true });
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line - 1])).toEqual([['yaml-syntax', 1]]);
  });
});
