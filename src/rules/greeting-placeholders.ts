import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import { listAt, objectAt } from './access.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** The one placeholder a greeting may use: the official who answers says their own name there. */
const SLOT = '{name}';

/**
 * Names that are people's: a contact's name written as one string (a personal
 * name is the same in every language) of two or more capitalised words
 * (`Liisa Esimerkki`, `Anna-Kaisa von Bonsdorff` counts `Anna-Kaisa` and
 * `Bonsdorff`), and not the unit's or the organisation's own name.
 */
function personalNames(data: unknown): string[] {
  const unit = objectAt(data, ['unit']);
  const ownNames = new Set(
    [unit?.name, unit?.organisation].flatMap((text) => (typeof text === 'string' ? [text] : isPlainObject(text) ? Object.values(text) : [])),
  );
  return listAt(data, ['contacts']).flatMap((contact) => {
    if (!isPlainObject(contact) || typeof contact.name !== 'string' || ownNames.has(contact.name)) return [];
    const words = contact.name.trim().split(/\s+/u);
    const capitalised = words.filter((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word));
    return words.length >= 2 && capitalised.length >= 2 && words.every((word) => /^[\p{L}'’.-]+$/u.test(word)) ? [contact.name.trim()] : [];
  });
}

/** Every `greeting` in the charter: the phone line's, and any other channel's. */
function forEachGreeting(data: unknown, visit: (greeting: unknown, path: JsonPath) => void, path: (string | number)[] = []): void {
  if (Array.isArray(data)) {
    data.forEach((item, index) => forEachGreeting(item, visit, [...path, index]));
    return;
  }
  if (!isPlainObject(data)) return;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'greeting') visit(value, [...path, key]);
    else forEachGreeting(value, visit, [...path, key]);
  }
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

export default defineRule(
  'greeting-placeholders',
  'A greeting names the official who answers as `{name}`, not a fixed person; no unknown placeholders.',
  'error',
  ({ charter, report }) => {
    let people: string[] | undefined;
    forEachGreeting(charter.data, (greeting, greetingPath) => {
      const texts: [string | undefined, unknown][] = isPlainObject(greeting) ? Object.entries(greeting) : [[undefined, greeting]];
      for (const [language, text] of texts) {
        if (typeof text !== 'string') continue;
        const path = language === undefined ? greetingPath : [...greetingPath, language];
        const label =
          language === undefined ? message('rules.greeting-placeholders.the-greeting') : message('rules.greeting-placeholders.the-greeting-in', { language });
        // A placeholder is one word in braces; `{ this }` or `{a:b}` is text.
        for (const match of text.matchAll(/\{[\p{L}\p{N}_-]+\}/gu)) {
          if (match[0] === SLOT) continue;
          report({ path, message: message('rules.greeting-placeholders.unknown', { label, placeholder: match[0], slot: SLOT }) });
        }
        // With `{name}` in it the official says their own name; other names (a team such as "Contact Centre") are the office's choice.
        if (text.includes(SLOT)) continue;
        people ??= personalNames(charter.data);
        for (const person of people) {
          if (mentions(text, person)) {
            report({ path, severity: 'warning', message: message('rules.greeting-placeholders.fixed-person', { label, person, slot: SLOT }) });
          }
        }
      }
    });
  },
);
