import { describe, expect, it, vi } from 'vitest';
import { loadCollection, type CharterFileSystem } from '../../src/load/load-collection.js';
import { DEFAULT_LIMITS, type LoadLimits } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ResolvedCharter } from '../../src/load/resolved-charter.js';
import { validateCollection } from '../../src/validate.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';
import { diagnosticsFor, positionOf } from '../helpers.js';

/**
 * A crash in any stage of checking one file (reading, parsing, merging,
 * the schema, locating a finding) must become an `internal-error` finding of
 * that file, while every other file is still checked. Each stage is made to
 * throw for one charter id.
 */
vi.mock('../../src/load/fast-parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/fast-parse.js')>();
  return {
    ...original,
    fastParse: (text: string, ...rest: Parameters<typeof original.fastParse> extends [string, ...infer R] ? R : never) => {
      if (text.includes('id: crash-reader')) throw new Error('the reader exploded');
      return original.fastParse(text, ...rest);
    },
  };
});
vi.mock('../../src/load/merge.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/merge.js')>();
  return {
    ...original,
    mergeWithBaseline: (...args: Parameters<typeof original.mergeWithBaseline>) => {
      const own = args[2];
      if (own.id === 'crash-merge') throw new Error('the merge exploded');
      const merged = original.mergeWithBaseline(...args);
      if (own.id !== 'crash-locate') return merged;
      return {
        ...merged,
        locate: () => {
          throw new Error('the locator exploded');
        },
      };
    },
  };
});
vi.mock('../../src/schema/check-schema.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/schema/check-schema.js')>();
  return {
    ...original,
    checkSchema: (charter: ResolvedCharter) => {
      if (charter.data.id === 'crash-schema') throw new Error('the schema exploded');
      return original.checkSchema(charter);
    },
  };
});

function unitWithId(id: string): string {
  return edit(EXTENDING_UNIT, 'id: small-unit', `id: ${id}`);
}

function internalErrors(diagnostics: readonly Diagnostic[]): Pick<Diagnostic, 'file' | 'line' | 'column' | 'message'>[] {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal-error').map(({ file, line, column, message }) => ({ file, line, column, message }));
}

describe('a crash on one file is a finding of that file; the others are still checked', () => {
  it.each([
    ['crash-reader', 'the YAML reader failed on this file (the reader exploded); please report this'],
    ['crash-merge', 'loading failed on this file (the merge exploded); please report this'],
    ['crash-schema', 'the schema check failed on this file (the schema exploded); please report this'],
  ])('%s', async (id, message) => {
    const diagnostics = await diagnosticsFor({
      '_base.yaml': BASELINE,
      'broken.yaml': unitWithId(id),
      // Overdue: the rules still run on this file and report.
      'other.yaml': edit(VALID_UNIT, 'next: 2027-09-01', 'next: 2026-10-01'),
    });
    expect(internalErrors(diagnostics)).toEqual([{ file: 'charters/broken.yaml', line: 1, column: 1, message }]);
    expect(diagnostics.filter((diagnostic) => diagnostic.file === 'charters/other.yaml').map((diagnostic) => diagnostic.ruleId)).toEqual(['review-due']);
  });

  it('a finding that cannot be located is reported as such, and the rule goes on', async () => {
    const overdue = edit(unitWithId('crash-locate'), 'next: 2027-09-01', 'next: 2026-10-01');
    const diagnostics = await diagnosticsFor({ '_base.yaml': BASELINE, 'broken.yaml': overdue, 'other.yaml': VALID_UNIT });
    expect(internalErrors(diagnostics)).toEqual([
      {
        file: 'charters/broken.yaml',
        line: 1,
        column: 1,
        message: 'locating a finding of the rule `review-due` failed on this file (the locator exploded); please report this',
      },
    ]);
    expect(diagnostics.filter((diagnostic) => diagnostic.file === 'charters/other.yaml')).toEqual([]);
  });

  it('a file system that fails in an unexpected way fails that file only', async () => {
    const texts = new Map([
      ['/c/odd.yaml', VALID_UNIT],
      ['/c/other.yaml', edit(VALID_UNIT, 'id: test-unit', 'id: other-unit')],
    ]);
    const fileSystem: CharterFileSystem = {
      readFile: (path) =>
        // Not the promised shape: no bytes at all.
        Promise.resolve(path === '/c/odd.yaml' ? ({ bytes: undefined } as unknown as { bytes: Uint8Array }) : { bytes: Buffer.from(texts.get(path) ?? '') }),
      realpath: (path) => Promise.resolve(path),
    };
    const collection = await loadCollection([...texts.keys()], { root: '/c', cwd: '/c', fileSystem });
    const diagnostics = validateCollection(collection, { today: '2026-11-23' });
    expect(internalErrors(diagnostics)).toEqual([
      { file: 'odd.yaml', line: 1, column: 1, message: expect.stringMatching(/^reading failed on this file \(.+\); please report this$/) as string },
    ]);
    expect(collection.charters.map((charter) => charter.file)).toEqual(['other.yaml']);
    expect(diagnostics.filter((diagnostic) => diagnostic.file === 'other.yaml')).toEqual([]);
  });

  it('a crash while reading YAML points at the value being read', () => {
    const text = 'charter: 1\nid: x\nunit:\n  name: here\n';
    let reads = 0;
    // Limits are read once per value: the fifth value read (`here`) makes the reader throw.
    const limits = {
      ...DEFAULT_LIMITS,
      get maxNodes(): number {
        if (++reads === 5) throw new Error('limits exploded');
        return DEFAULT_LIMITS.maxNodes;
      },
    } as LoadLimits;
    const { source, diagnostics } = parseYamlSource('x.yaml', text, limits);
    expect(source.data).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        ruleId: 'internal-error',
        severity: 'error',
        message: 'the YAML reader failed on this file (limits exploded); please report this',
        text: { id: 'rules.internal-error.failed', values: { what: { id: 'load.internal-error.yaml-reader' }, error: 'limits exploded' } },
        file: 'x.yaml',
        ...positionOf(text, 'here'),
        path: [],
      },
    ]);
  });
});
