// Compiles schema/charter.schema.json into a standalone ajv validator module
// (src/schema/generated/), so the CLI never compiles the schema at start-up,
// and into the TypeScript types of a valid charter document, so the code that
// reads charters cannot drift from the schema.
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import ajvErrors from 'ajv-errors';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'schema', 'charter.schema.json');
const outFile = join(root, 'src', 'schema', 'generated', 'validators.js');
const typesFile = join(root, 'src', 'schema', 'generated', 'charter-document.ts');

/** Keywords for editors only: dropped so the generated code stays small. */
const ANNOTATIONS = new Set(['description', 'markdownDescription', 'examples', 'defaultSnippets']);

function stripAnnotations(node, parentKey) {
  if (Array.isArray(node)) return node.map((item) => stripAnnotations(item, parentKey));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Inside `properties` the keys are property names, not keywords.
    if (parentKey !== 'properties' && ANNOTATIONS.has(key)) continue;
    out[key] = stripAnnotations(value, key);
  }
  return out;
}

/**
 * Definitions used as oneOf/anyOf branches get their own validator, so that a
 * failed union can be re-checked branch by branch and reported as its best branch.
 * A union must be the only validation keyword of its schema, or that re-check
 * would drop the other keywords' errors.
 */
function unionBranchDefinitions(schema) {
  const names = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const keyword of ['oneOf', 'anyOf']) {
      if (!Array.isArray(node[keyword])) continue;
      const others = Object.keys(node).filter(
        (key) => !['oneOf', 'anyOf', 'title', 'errorMessage', 'defaultSnippets', 'description', 'examples'].includes(key),
      );
      if (others.length > 0) throw new Error(`a ${keyword} must stand alone in its schema; found ${others.join(', ')}`);
      for (const branch of node[keyword]) {
        const match = typeof branch.$ref === 'string' && /^#\/definitions\/([A-Za-z]+)$/.exec(branch.$ref);
        if (!match) throw new Error(`${keyword} branches must be $refs to #/definitions/...`);
        names.add(match[1]);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return [...names].sort();
}

/**
 * The published schema lets a unit that `extends` a baseline leave out inherited
 * keys (for editors, which see one file). `charter validate` checks the merged
 * charter, where every required key must be present: fold the condition away.
 */
export function forMergedCharters(schema) {
  const { if: condition, then: _then, else: otherwise, ...rest } = schema;
  if (!condition) return schema;
  return { ...rest, required: [...new Set([...(rest.required ?? []), ...(otherwise?.required ?? [])])] };
}

/** Definitions whose required keys still apply in a baseline: list items, which merge by id or date. */
const ITEM_DEFINITIONS = new Set([
  'Contact',
  'OpeningPeriod',
  'HoursException',
  'ClosedDay',
  'SpecialHours',
  'CustomerGroup',
  'Service',
  'ServicePromise',
  'ComplaintStage',
  'ExternalBody',
]);

/**
 * The schema for baselines (files named `_*.yaml`): partial charters, so only
 * list items (a contact needs its id) keep their required keys.
 */
export function baselineSchema(schema) {
  const relax = (node, isItem) => {
    if (Array.isArray(node)) return node.map((child) => relax(child, false));
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'required' && !isItem) continue;
      if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, relax(child, false)]));
      else if (key === 'items') out[key] = relax(value, true);
      else if (key === 'definitions')
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, relax(child, ITEM_DEFINITIONS.has(name))]));
      else if (key === 'examples' || key === 'defaultSnippets' || key === 'errorMessage') out[key] = value;
      else out[key] = relax(value, key === 'oneOf' || key === 'anyOf' ? isItem : false);
    }
    return out;
  };
  const { if: _if, then: _then, else: _else, ...rest } = relax(schema, false);
  return {
    ...rest,
    $id: schema.$id.replace('charter.schema.json', 'charter-baseline.schema.json'),
    title: 'Customer-service charter baseline (format 1.1)',
    description:
      'An organisation baseline: the shared hours, contacts and minimum promises that unit charters inherit with `extends`. Every key is optional; list items (contacts, exception days) must still be complete. Checked by `charter validate`.',
    required: ['charter'],
  };
}

export function compileSchemaSource(schema) {
  const runtimeSchema = stripAnnotations(forMergedCharters(schema), undefined);
  const branches = unionBranchDefinitions(runtimeSchema);
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
    code: { source: true, esm: true, optimize: true },
  });
  ajv.addKeyword({ keyword: 'defaultSnippets' });
  ajvErrors(ajv);
  ajv.addSchema(runtimeSchema, 'full');
  const exportsMap = { validateCharter: 'full' };
  for (const name of branches) exportsMap[`validate${name}`] = `${runtimeSchema.$id}#/definitions/${name}`;
  let source = standaloneCode(ajv, exportsMap);
  // ajv's ESM output still calls require() for its runtime helpers; turn them into imports.
  const imports = new Map();
  source = source.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g, (_match, modulePath) => {
    const name = `runtime_${modulePath.split('/').pop()}`;
    imports.set(name, `${modulePath}.js`);
    return name;
  });
  // Node hands a CommonJS module's exports object to a default import; bundlers and
  // Vite hand over `exports.default`. Accept both.
  // Lengths are counted in UTF-16 units: the limits are generous, and counting
  // code points took a tenth of the run time on large collections.
  const header = [...imports]
    .map(([name, path]) =>
      name === 'runtime_ucs2length'
        ? `const ${name} = { default: (text) => text.length };`
        : `import ${name}_module from ${JSON.stringify(path)};\nconst ${name} = { default: ${name}_module.default ?? ${name}_module };`,
    )
    .join('\n');
  const branchTable = `export const branchValidators = {${branches.map((name) => `${JSON.stringify(name)}: validate${name}`).join(', ')}};`;
  const schemaExport = `export const runtimeSchema = ${JSON.stringify(runtimeSchema)};`;
  return `// Generated by scripts/compile-schema.mjs from schema/charter.schema.json. Do not edit.\n${header}\n${source}\n${branchTable}\n${schemaExport}\n`;
}

export const baselineSchemaFile = join(root, 'schema', 'charter-baseline.schema.json');

export function baselineSchemaText(schema) {
  return `${JSON.stringify(baselineSchema(schema), null, 2)}\n`;
}

export function writeValidators() {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  writeIfChanged(baselineSchemaFile, baselineSchemaText(schema));
  const source = compileSchemaSource(schema);
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, source);
  renameSync(tmp, outFile);
  return outFile;
}

function writeIfChanged(path, text) {
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileSync(path, text);
}

/**
 * Names of the schema's inline objects in the generated types, by JSON pointer.
 * Definitions keep their own names (`Contact`, `Commitment`, `Text`...).
 */
const INLINE_TYPE_NAMES = {
  '': 'CharterDocument',
  '/properties/unit': 'UnitSection',
  '/properties/review': 'ReviewSection',
  '/properties/channels': 'ChannelsSection',
  '/properties/absence': 'AbsenceSection',
  '/properties/feedback': 'FeedbackSection',
  '/properties/complaints': 'ComplaintsSection',
  '/properties/handover': 'HandoverSection',
  '/properties/touchpoints/items': 'Touchpoint',
  '/properties/authority/items': 'DecisionRight',
  '/properties/guide/items': 'GuideRule',
  '/properties/improvements/items': 'Improvement',
};

/**
 * The schema as json-schema-to-typescript should read it: the merged-charter
 * form (every required key present), editor-only keywords dropped, a `$ref`
 * written as the definition's type name (a `$ref` with a description beside it
 * would otherwise become a numbered copy such as `Text3`), and a name for every
 * object type. An inline object without a name in INLINE_TYPE_NAMES is an
 * error, so a new section gets a type name on purpose.
 */
export function schemaForTypes(schema) {
  const definitionName = (ref) => {
    const match = /^#\/definitions\/([A-Za-z]+)$/.exec(ref);
    if (!match) throw new Error(`unexpected $ref ${ref}`);
    return match[1];
  };
  const visit = (node, pointer) => {
    if (Array.isArray(node)) return node.map((child, index) => visit(child, `${pointer}/${index}`));
    if (node === null || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') {
      return { tsType: definitionName(node.$ref), ...(typeof node.description === 'string' ? { description: node.description } : {}) };
    }
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' || key === 'defaultSnippets' || key === 'errorMessage' || key === 'title') continue;
      if (key === 'properties' || key === 'definitions') {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, visit(child, `${pointer}/${key}/${name}`)]));
      } else out[key] = visit(value, `${pointer}/${key}`);
    }
    const definition = /^\/definitions\/([A-Za-z]+)$/.exec(pointer);
    if (definition) out.title = definition[1];
    else if (node.type === 'object' && node.properties) {
      const name = INLINE_TYPE_NAMES[pointer];
      if (name === undefined) throw new Error(`the schema's object at ${pointer || '/'} needs a type name in INLINE_TYPE_NAMES (scripts/compile-schema.mjs)`);
      out.title = name;
    }
    return out;
  };
  return visit(forMergedCharters(schema), '');
}

/** The TypeScript types of a valid (merged) charter document. */
export async function compileSchemaTypes(schema) {
  let compile;
  try {
    ({ compile } = await import('json-schema-to-typescript'));
  } catch (error) {
    throw new Error(`cannot generate the charter types: json-schema-to-typescript is not installed (run npm install): ${error.message}`, { cause: error });
  }
  const types = await compile(schemaForTypes(schema), 'CharterDocument', {
    bannerComment:
      '// Generated by scripts/compile-schema.mjs from schema/charter.schema.json. Do not edit.\n// The types of a charter whose merged data passed the schema.',
    additionalProperties: false,
    strictIndexSignatures: true,
    // Tuples of every allowed length say nothing the list's own type does not.
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    format: true,
  });
  return types;
}

export async function writeSchemaTypes() {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  mkdirSync(dirname(typesFile), { recursive: true });
  // Unchanged types keep their timestamp, so watchers and tsc do not redo work.
  writeIfChanged(typesFile, await compileSchemaTypes(schema));
  return typesFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = writeValidators();
  console.log(`compiled schema -> ${file}`);
  console.log(`generated types -> ${await writeSchemaTypes()}`);
}
