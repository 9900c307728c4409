import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { baselineSchemaText } from '../../scripts/compile-schema.mjs';

const repoRoot = join(import.meta.dirname, '..', '..');
/** ajv-errors is CommonJS with a default export; take it through require for plain typing. */
const ajvErrors = (createRequire(import.meta.url)('ajv-errors') as { default: (ajv: Ajv) => Ajv }).default;
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'charter.schema.json'), 'utf8')) as Record<string, unknown>;
type Schema = Record<string, unknown>;

function definition(ref: unknown): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return undefined;
  return (schema.definitions as Record<string, Schema>)[ref.slice('#/definitions/'.length)];
}

/** Every property schema in the file, with a JSON Pointer to it. */
function* properties(node: unknown, pointer: string): Generator<[string, Schema]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* properties(item, `${pointer}/${index}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        const at = `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        yield [at, property];
        yield* properties(property, at);
      }
    } else if (key !== 'examples' && key !== 'defaultSnippets') {
      yield* properties(value, `${pointer}/${key}`);
    }
  }
}

/** Every schema that carries `examples`, with a JSON Pointer to it. */
function* schemasWithExamples(node: unknown, pointer: string): Generator<[string, unknown[]]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* schemasWithExamples(item, `${pointer}/${index}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schemaNode = node as Schema;
  if (Array.isArray(schemaNode.examples)) yield [pointer, schemaNode.examples];
  for (const [key, value] of Object.entries(schemaNode)) {
    if (key === 'examples' || key === 'defaultSnippets' || key === 'errorMessage') continue;
    yield* schemasWithExamples(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

let sharedAjv: Ajv | undefined;

/** One ajv holding the schema for every examples test: compiling the whole schema again for each took most of this file's time. */
function exampleValidator(): Ajv {
  if (!sharedAjv) {
    sharedAjv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    ajvErrors(sharedAjv);
    sharedAjv.addSchema(schema, 'charter');
  }
  return sharedAjv;
}

function hasExamples(property: Schema): boolean {
  if (Array.isArray(property.examples) && property.examples.length > 0) return true;
  const target = definition(property.$ref) ?? (typeof property.items === 'object' ? (property.items as Schema) : undefined);
  if (target && target !== property) return hasExamples(target.$ref ? { ...target, ...definition(target.$ref) } : target);
  const branches = (property.oneOf ?? property.anyOf) as Schema[] | undefined;
  return Array.isArray(branches) && branches.every((branch) => hasExamples(definition(branch.$ref) ?? branch));
}

describe('the published JSON Schema helps editors', () => {
  const all = [...properties(schema, '#')];

  it('has many properties to check', () => {
    expect(all.length).toBeGreaterThan(80);
  });

  it.each(all.map(([where, property]) => [where, property] as const))('%s has a description and examples', (_where, property) => {
    expect(typeof property.description === 'string' && property.description.length > 10).toBe(true);
    expect(hasExamples(property)).toBe(true);
  });

  it.each([...schemasWithExamples(schema, '#')].map(([pointer, examples]) => [pointer, examples] as const))(
    'the examples at %s are valid',
    (pointer, examples) => {
      const validate = exampleValidator().compile({ $ref: `charter${pointer}` });
      for (const example of examples) expect(validate(example), `${JSON.stringify(example)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    },
  );

  it('every example charter names its schema on its first line', () => {
    for (const name of readdirSync(join(repoRoot, 'charters')).filter((file) => file.endsWith('.yaml'))) {
      const firstLine = readFileSync(join(repoRoot, 'charters', name), 'utf8').split('\n')[0];
      const schemaFile = name.startsWith('_') ? 'charter-baseline.schema.json' : 'charter.schema.json';
      expect(firstLine, name).toBe(`# yaml-language-server: $schema=../schema/${schemaFile}`);
    }
  });

  it('the published baseline schema is generated from the charter schema', () => {
    const published = readFileSync(join(repoRoot, 'schema', 'charter-baseline.schema.json'), 'utf8');
    expect(published).toBe((baselineSchemaText as (schema: unknown) => string)(schema));
  });
});
