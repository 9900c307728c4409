import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { normalizeCharter } from '../../src/normalize/normalize-charter.js';
import { bidiContained } from '../../src/normalize/bidi-contained.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { chartersJson } from '../../src/site/charters-json.js';
import { normalizeCollection } from '../../src/site/site-charters.js';
import { unpairedBidi } from '../../src/util/bidi.js';
import { planSite } from '../../src/view/site-plan.js';
import { writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const RLO = '\u202e';
const RLI = '\u2067';
const PDI = '\u2069';
const PDF = '\u202c';

/** Every string of a value, keys included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
}

/** A charter whose texts would reorder what follows them, were they not contained: `charter validate` refuses it. */
const HOSTILE = [
  ['name: { fi: Testiyksikkö, en: Test Unit }', `name: { fi: "Rakennusvalvonta${RLO}", en: "Test Unit${RLI}" }`],
  ['name: Liisa Esimerkki', `name: "Liisa ${RLI}Esimerkki"`],
  ['greeting: { fi: "Testiyksikkö, hyvää päivää."', `greeting: { fi: "Testiyksikkö${PDI}, hyvää ${RLO}päivää.${PDF}"`],
  ['summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', `summary: { fi: "Palvelemme ${RLI}**hyvin**.", en: We serve **well**. }`],
].reduce((text, [from, to]) => edit(text, from as string, to as string), VALID_UNIT);

describe('bidiContained', () => {
  it('returns clean data as it is, the same object', () => {
    const data = { a: ['x', { b: 'y', c: 1, d: null }], e: true };
    expect(bidiContained(data)).toBe(data);
  });

  it('copies only the objects on the way to a changed text, and leaves the input alone', () => {
    const clean = { z: 'z' };
    const data = { a: [`x${RLI}y`, 'w'], clean, [`k${PDI}`]: 1 };
    const contained = bidiContained(data);
    expect(contained).toEqual({ a: [`x${RLI}y${PDI}`, 'w'], clean, k: 1 });
    expect(contained.clean).toBe(clean);
    expect(data.a[0]).toBe(`x${RLI}y`);
    expect(Object.keys(contained)).toEqual(['a', 'clean', 'k']);
  });

  it('never assigns a key such as `__proto__`', () => {
    const data = JSON.parse(`{"__proto__": {"polluted": "${RLO}"}, "x": "${RLI}"}`) as Record<string, unknown>;
    const contained = bidiContained(data);
    expect(Object.getPrototypeOf(contained)).toBe(Object.prototype);
    expect(Object.hasOwn(contained, '__proto__')).toBe(true);
    expect(stringsOf(contained).flatMap(unpairedBidi)).toEqual([]);
  });
});

describe('a charter nobody validated cannot reorder what follows its texts', () => {
  it('is refused by the validator, but normalizes with every text contained, the loaded data untouched', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': HOSTILE });
    const { results, collection } = await checkCharters({ cwd, today: '2026-11-23' });
    expect(results.flatMap((result) => result.diagnostics).filter((found) => found.ruleId === 'control-character')).toHaveLength(7);
    const [resolved] = collection.charters;
    if (!resolved) throw new Error('the charter did not load');
    const result = normalizeCharter(resolved);
    if (!result.ok) throw new Error(result.unit.reason);
    expect(stringsOf(result.charter).flatMap(unpairedBidi)).toEqual([]);
    expect(result.charter.unit.name.byLanguage.fi?.text).toBe('Rakennusvalvonta');
    expect(result.charter.unit.name.byLanguage.en?.text).toBe(`Test Unit${RLI}${PDI}`);
    expect(result.charter.contacts.find((contact) => contact.id === 'head')?.name.fallback.text).toBe(`Liisa ${RLI}Esimerkki${PDI}`);
    // The loader's data is the charter as written, for the findings that point into it.
    expect(JSON.stringify(resolved.data)).toContain(RLO);
  });

  it('renders pages, cards and charters.json whose bidirectional formatting all pairs', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': HOSTILE });
    const checked = await checkCharters({ cwd, today: '2026-11-23' });
    const normalized = normalizeCollection(checked);
    expect(normalized.units).toHaveLength(1);
    const { pages } = planSite(normalized, { today: '2026-11-23', renderMarkdown });
    const templates = await loadTemplates({ builtIn: fileURLToPath(new URL('../../templates', import.meta.url)) });
    const kinds = new Set<string>();
    for (const page of pages) {
      const html = templates.render(page);
      kinds.add(page.kind);
      expect(unpairedBidi(html), `${page.kind} ${page.url}`).toEqual([]);
      expect(html).not.toContain(RLO);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['charter', 'card', 'home']));
    const json = chartersJson(normalized.units, normalized.resolvedOf, '/');
    expect(stringsOf(json).flatMap(unpairedBidi)).toEqual([]);
  });
});
