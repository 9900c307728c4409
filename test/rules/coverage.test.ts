import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRuleMeta, RULES } from '../../src/rules/index.js';

const repoRoot = join(import.meta.dirname, '..', '..');

describe('every rule is documented and tested', () => {
  it.each([...allRuleMeta().values()].map((meta) => [meta.id, meta] as const))('%s has a docs page', (id, meta) => {
    const page = join(repoRoot, meta.docs);
    expect(existsSync(page), `missing ${meta.docs}`).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(new RegExp(`^# ${id}\\b`));
  });

  it.each(RULES.map((rule) => [rule.meta.id] as const))('%s has a test table and a module of its own name', (id) => {
    expect(existsSync(join(repoRoot, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    expect(existsSync(join(repoRoot, 'src', 'rules', `${id}.ts`))).toBe(true);
  });

  it('rule ids are unique', () => {
    const ids = [...allRuleMeta().keys()];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
