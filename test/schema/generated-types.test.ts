import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { compileSchemaTypes, schemaForTypes } from '../../scripts/compile-schema.mjs';

const repoRoot = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'charter.schema.json'), 'utf8')) as Record<string, unknown>;
const compileTypes = compileSchemaTypes as (schema: unknown) => Promise<string>;
const forTypes = schemaForTypes as (schema: unknown) => Record<string, unknown>;

describe('the charter document types generated from the schema', () => {
  it('are the ones the build wrote (type-checking sees the schema as it is)', async () => {
    const written = readFileSync(join(repoRoot, 'src', 'schema', 'generated', 'charter-document.ts'), 'utf8');
    expect(written).toBe(await compileTypes(schema));
  }, 30_000);

  it('name every object: definitions by their own name, sections from the table', async () => {
    const types = await compileTypes(schema);
    for (const name of ['CharterDocument', 'UnitSection', 'ReviewSection', 'EmailChannel', 'Touchpoint', 'Contact', 'Commitment', 'OfficeHours']) {
      expect(types).toContain(`export interface ${name} {`);
    }
    expect(types).not.toMatch(/\b(Text|Markdown|Duration|Commitment)\d+\b/);
  }, 30_000);

  it('refuse a new section that has no type name', () => {
    const properties = schema.properties as Record<string, unknown>;
    const grown = { ...schema, properties: { ...properties, kiosk: { type: 'object', properties: { place: { type: 'string' } } } } };
    expect(() => forTypes(grown)).toThrow(/the schema's object at \/properties\/kiosk needs a type name in INLINE_TYPE_NAMES/);
  });
});
