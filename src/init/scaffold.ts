import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../util/package-info.js';
import { yamlQuoted, yamlScalar } from './yaml-text.js';

/** The languages `charter init` has templates and texts for, those of the administrators first. */
export const SCAFFOLD_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type ScaffoldLanguage = (typeof SCAFFOLD_LANGUAGES)[number];

export function isScaffoldLanguage(value: string): value is ScaffoldLanguage {
  return (SCAFFOLD_LANGUAGES as readonly string[]).includes(value);
}

/** The templates' language for a charter in `languages`: the first that has templates, else English. */
export function templateLanguageFor(languages: readonly string[]): ScaffoldLanguage {
  return languages.find(isScaffoldLanguage) ?? 'en';
}

/** The folder of templates in the installed package (see scaffold/README.md). */
export function scaffoldFolder(): string {
  return join(packageRoot(), 'scaffold');
}

export function readScaffoldFile(path: string): Promise<string> {
  return readFile(join(scaffoldFolder(), path), 'utf8');
}

/** scaffold/texts.yaml: for each text, its wording in each language. */
export type ScaffoldTexts = Readonly<Record<string, Readonly<Record<ScaffoldLanguage, string>>>>;

export async function readScaffoldTexts(): Promise<ScaffoldTexts> {
  const texts = parse(await readScaffoldFile('texts.yaml')) as unknown;
  if (typeof texts !== 'object' || texts === null) throw new Error('scaffold/texts.yaml holds no texts');
  for (const [key, value] of Object.entries(texts)) {
    for (const language of SCAFFOLD_LANGUAGES) {
      if (typeof (value as Record<string, unknown> | null)?.[language] !== 'string') throw new Error(`scaffold/texts.yaml: ${key} has no ${language} text`);
    }
  }
  return texts as ScaffoldTexts;
}

/** What fills a template's placeholders. */
export interface TemplateValues {
  /** `{{name}}` → this text, as it is. */
  readonly scalars: Readonly<Record<string, string>>;
  /** `{{text:key}}` → a text in each language, in this order. */
  readonly languages: readonly string[];
  /** The language of the templates: a language without wording of its own gets this one's, marked for translation. */
  readonly templateLanguage: ScaffoldLanguage;
  readonly texts: ScaffoldTexts;
  /** `{organisation}` and `{unit}` in texts, and texts given on the command line (always quoted). */
  readonly names: Readonly<Record<'organisation' | 'unit', { readonly given?: string | undefined; readonly fallbackKey: string }>>;
}

const TEXT_LINE = /^(\s*)(- )?([A-Za-z][\w-]*: )?\{\{text:([\w-]+)\}\}\s*$/;

/**
 * Fills a YAML template: a line holding `{{text:key}}` as its value (`key:
 * {{text:x}}`, `- {{text:x}}`, `- key: {{text:x}}`) becomes a map with one
 * line per language, indented under it; other `{{name}}` placeholders are
 * replaced where they stand.
 */
export function fillYamlTemplate(template: string, values: TemplateValues): string {
  return template
    .split('\n')
    .flatMap((line) => {
      const match = TEXT_LINE.exec(line);
      if (!match || (match[2] === undefined && match[3] === undefined)) return [fillScalars(line, values.scalars)];
      const [, indent = '', dash, key, text = ''] = match;
      const entries = values.languages.map((language) => `${language}: ${textValue(text, language, values)}${translationNote(language, values)}`);
      if (key === undefined) return entries.map((entry, index) => `${indent}${index === 0 ? '- ' : '  '}${entry}`);
      const inner = `${indent}${dash === undefined ? '' : '  '}  `;
      return [`${indent}${dash ?? ''}${key.trimEnd()}`, ...entries.map((entry) => `${inner}${entry}`)];
    })
    .join('\n');
}

/** Fills the `{{name}}` placeholders of a text template (README, workflow, settings). */
export function fillScalars(template: string, scalars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(scalars, name) ? (scalars[name] as string) : whole));
}

/** A name in a language: the one given on the command line, else the template's. */
export function nameIn(name: 'organisation' | 'unit', language: ScaffoldLanguage, values: Pick<TemplateValues, 'names' | 'texts'>): string {
  const { given, fallbackKey } = values.names[name];
  return given ?? values.texts[fallbackKey]?.[language] ?? '';
}

/** ` # TODO – pohjoissaame (se): käännä tämä teksti` after a text the templates have no wording for in its language. */
function translationNote(language: string, values: TemplateValues): string {
  if (isScaffoldLanguage(language)) return '';
  const note = values.texts['translation-note']?.[values.templateLanguage];
  if (note === undefined) throw new Error('scaffold/texts.yaml has no text translation-note');
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([values.templateLanguage], { type: 'language', fallback: 'none' }).of(language);
  } catch {
    name = undefined;
  }
  return ` # ${note.replace('{language}', name === undefined ? language : `${name} (${language})`)}`;
}

function textValue(key: string, written: string, values: TemplateValues): string {
  const language = isScaffoldLanguage(written) ? written : values.templateLanguage;
  for (const name of ['organisation', 'unit'] as const) {
    const { given, fallbackKey } = values.names[name];
    if (key === fallbackKey && given !== undefined) return yamlQuoted(given);
  }
  const template = values.texts[key]?.[language];
  if (template === undefined) throw new Error(`scaffold/texts.yaml has no text ${key}`);
  const names = { organisation: nameIn('organisation', language, values), unit: nameIn('unit', language, values) };
  const text = template.replace(/\{(organisation|unit)\}/g, (_whole, name: 'organisation' | 'unit') => names[name]);
  const givenUsed = /\{(organisation|unit)\}/.test(template) && (values.names.organisation.given !== undefined || values.names.unit.given !== undefined);
  return givenUsed ? yamlQuoted(text) : yamlScalar(text);
}
