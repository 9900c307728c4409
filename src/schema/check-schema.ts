import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject } from '../model/charter-data.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { branchValidators, runtimeSchema, validateCharter } from './generated/validators.js';
import type { AjvError, JsonSchema } from './generated/validators.js';
import { closestMatch } from '../util/suggest.js';
import type { MessageId } from '../messages/catalog.js';
import { listOf, message, worded, type MessageRef, type MessageValue } from '../messages/message.js';
import { BRANCH_TITLE_IDS, ERROR_MESSAGE_IDS } from './schema-messages.js';

/** Rule id of every finding the JSON Schema makes. */
export const SCHEMA_RULE_ID = 'schema';

/** Checks a charter's effective data against the JSON Schema. */
export function checkSchema(charter: ResolvedCharter): Diagnostic[] {
  const valid = validateCharter(charter.data);
  if (valid) return [];
  let errors = [...(validateCharter.errors ?? [])];
  // A baseline is partial: units fill in what it leaves out, and are checked whole after
  // merging. Items of lists (a contact without an id) must still be complete.
  if (charter.isBaseline) {
    errors = errors.filter((error) => !(error.keyword === 'required' && !/\/\d+$/.test(error.instancePath)));
  } else if (charter.incomplete) {
    // The baseline failed to load, so inherited top-level keys are unknown.
    errors = errors.filter((error) => !(error.keyword === 'required' && error.instancePath === ''));
  }
  errors = reduceUnions(errors, charter.data);
  errors = dropSupersededByErrorMessage(errors);
  const diagnostics = errors.map((error) => toDiagnostic(error, charter));
  return dedupe(diagnostics);
}

/**
 * A failed oneOf/anyOf makes ajv report every branch's errors at once. Replace
 * that pile with the errors of the branch that fits the data best.
 */
/** An error with a note on which union branch it was read as. */
interface HintedError extends AjvError {
  /** The branch it was read as, and the others it could have been (definition names); on the first error of a branch. */
  readonly hint?: { readonly branch: string; readonly others: readonly string[] };
  /** The union branch (definition name) the error was found in. */
  readonly branch?: string;
}

function reduceUnions(errors: AjvError[], data: unknown): HintedError[] {
  const unions = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  // Outer unions first, so an inner union's errors are replaced together with its parent's.
  unions.sort((a, b) => a.instancePath.length - b.instancePath.length);
  let result: HintedError[] = errors;
  for (const union of unions) {
    if (!result.includes(union)) continue;
    const at = union.instancePath;
    const within = (error: AjvError): boolean => error.instancePath === at || error.instancePath.startsWith(`${at}/`);
    const schema = schemaAt(pointerSegments(at));
    const branches = unionBranchNames(schema, union.keyword);
    if (branches.length === 0) continue;
    const value = getPath(data, pathFromPointer(at, data));
    const checked = branches.map((name, order) => {
      const validate = branchValidators[name];
      if (!validate) return { name, order, errors: [] as AjvError[], rootErrors: Infinity, wrongType: 1 };
      validate(value);
      const branchErrors = dropSupersededByErrorMessage([...(validate.errors ?? [])]).map((error) => ({
        ...error,
        instancePath: `${at}${error.instancePath}`,
      }));
      const atRoot = branchErrors.filter((error) => error.instancePath === at);
      // A branch of another type (a list where a map is written) is the wrong reading, however few its errors.
      const wrongType = atRoot.some((error) => error.keyword === 'type') ? 1 : 0;
      return { name, order, errors: branchErrors, rootErrors: atRoot.length, wrongType };
    });
    // The right type, then fewest problems at the union's own level (right shape), then fewest overall.
    checked.sort((a, b) => a.wrongType - b.wrongType || a.rootErrors - b.rootErrors || a.errors.length - b.errors.length || a.order - b.order);
    const best = checked[0];
    if (!best || best.errors.length === 0) continue;
    // Name the other readings only when the value could be one of them (a map is never read as a list).
    const others = checked
      .slice(1)
      .filter((branch) => branch.wrongType === 0)
      .map((branch) => branch.name);
    const hinted: HintedError[] = best.errors.map((error, index) => ({
      ...error,
      branch: best.name,
      ...(index === 0 && others.length > 0 ? { hint: { branch: best.name, others } } : {}),
    }));
    // The branch's own errors may hold unions of their own (a promise in a phone line): read those the same way.
    result = [...result.filter((error) => !within(error)), ...reduceUnions(hinted, data)];
  }
  return result;
}

function unionBranchNames(schema: JsonSchema | undefined, keyword: string): string[] {
  const list = schema?.[keyword];
  if (!Array.isArray(list)) return [];
  return list.flatMap((branch: unknown) => {
    const ref = isPlainObject(branch) ? branch.$ref : undefined;
    return typeof ref === 'string' && ref.startsWith('#/definitions/') ? [ref.slice('#/definitions/'.length)] : [];
  });
}

/** "a closed day": the branch's `title` in the reader's language, else its definition name. */
function branchTitle(name: string): MessageValue {
  const id = BRANCH_TITLE_IDS[name];
  return id === undefined ? name : message(id);
}

/** ajv-errors replaces errors with its message but leaves propertyNames' inner pattern error. */
function dropSupersededByErrorMessage<T extends AjvError>(errors: T[]): T[] {
  const withMessage = new Set(errors.filter((error) => error.keyword === 'errorMessage').map((error) => error.instancePath));
  return errors.filter((error) => !(withMessage.has(error.instancePath) && error.keyword !== 'errorMessage' && error.propertyName !== undefined));
}

function toDiagnostic(error: HintedError, charter: ResolvedCharter): Diagnostic {
  const path = pathFromPointer(error.instancePath, charter.data);
  const where = path.length === 0 ? message('schema.where.charter') : message('schema.where.path', { path: formatJsonPath(path) });
  let targetPath: JsonPath = path;
  let target: 'key' | 'value' = 'value';
  let text: MessageRef;
  switch (error.keyword) {
    case 'required': {
      const key = String(error.params.missingProperty);
      targetPath = [...path, key];
      text = message('schema.required', { where, key });
      break;
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      targetPath = [...path, key];
      target = 'key';
      const allowed = error.branch ? propertyNames(dereference({ $ref: `#/definitions/${error.branch}` })) : allowedKeys(pointerSegments(error.instancePath));
      const suggestion = closestMatch(key, allowed);
      const inside = path.length === 0 ? message('schema.inside.top') : message('schema.inside.path', { path: formatJsonPath(path) });
      if (suggestion) text = message('schema.unknown-key.suggest', { key, inside, suggestion });
      else if (allowed.length > 0 && allowed.length <= 12) text = message('schema.unknown-key.expected', { key, inside, allowed: allowed.join(', ') });
      else text = message('schema.unknown-key', { key, inside });
      break;
    }
    case 'enum': {
      const allowedValues = (error.params.allowedValues as unknown[]).map(String);
      const value = getPath(charter.data, path);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowedValues) : undefined;
      const allowed = allowedValues.join(', ');
      text = suggestion ? message('schema.enum.suggest', { where, allowed, suggestion }) : message('schema.enum', { where, allowed });
      break;
    }
    default:
      text = withFoundValue(problemOf(error, where), getPath(charter.data, path), error.keyword === 'type');
  }
  if (error.hint)
    text = message('schema.read-as', { problem: text, branch: branchTitle(error.hint.branch), others: listOf(error.hint.others.map(branchTitle), 'or') });
  const located = charter.locate(targetPath, target);
  return {
    ruleId: SCHEMA_RULE_ID,
    severity: 'error',
    ...worded(text),
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path: targetPath,
  };
}

/** Shows a short scalar as written, so the reader sees what was wrong without opening the file. */
function withFoundValue(problem: MessageRef, value: unknown, describeCollections: boolean): MessageRef {
  if (typeof value === 'string') return value.length > 0 && value.length <= 60 ? message('schema.found.text', { problem, value }) : problem;
  if (typeof value === 'number' || typeof value === 'boolean') return message('schema.found.value', { problem, value: String(value) });
  if (value === null) return message('schema.found.nothing', { problem });
  if (!describeCollections) return problem;
  if (Array.isArray(value)) return message('schema.found.list', { problem });
  return typeof value === 'object' ? message('schema.found.map', { problem }) : problem;
}

const TYPE_NAMES: Readonly<Record<string, MessageId>> = {
  object: 'schema.type.map',
  array: 'schema.type.list',
  string: 'schema.type.text',
  number: 'schema.type.number',
  integer: 'schema.type.integer',
  boolean: 'schema.type.boolean',
  null: 'schema.type.empty',
};

/** What is wrong at `where`, as one sentence. */
function problemOf(error: HintedError, where: MessageRef): MessageRef {
  const params = error.params;
  switch (error.keyword) {
    case 'errorMessage':
      return schemaErrorMessage(error, where);
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')).map((type) => {
        const id = TYPE_NAMES[String(type)];
        return id === undefined ? String(type) : message(id);
      });
      return message('schema.type', { where, types: listOf(types, 'or') });
    }
    case 'const':
      return message('schema.const', { where, value: JSON.stringify(params.allowedValue) });
    case 'minItems':
      return message('schema.min-items', { where, count: Number(params.limit) });
    case 'maxItems':
      return message('schema.max-items', { where, count: Number(params.limit) });
    case 'minLength':
      return params.limit === 1 ? message('schema.not-empty', { where }) : message('schema.min-length', { where, count: Number(params.limit) });
    case 'maxLength':
      return message('schema.max-length', { where, count: Number(params.limit) });
    case 'minProperties':
      return message('schema.min-properties', { where, count: Number(params.limit) });
    case 'uniqueItems':
      return message('schema.unique-items', { where, first: Number(params.j) + 1, second: Number(params.i) + 1 });
    case 'minimum':
      return message('schema.minimum', { where, limit: String(params.limit) });
    case 'maximum':
      return message('schema.maximum', { where, limit: String(params.limit) });
    case 'pattern':
      return message('schema.pattern', { where });
    case 'propertyNames':
      return message('schema.key-names', { where });
    case 'oneOf':
    case 'anyOf':
      return message('schema.no-form', { where });
    default:
      return message('schema.invalid', { where });
  }
}

/**
 * The schema's own errorMessage (English, for editors) in the reader's
 * language: the catalog message of where the errorMessage sits in the schema.
 */
function schemaErrorMessage(error: HintedError, where: MessageRef): MessageRef {
  const id = errorMessageId(error);
  return id === undefined ? message('schema.invalid', { where }) : message(id, { where });
}

function errorMessageId(error: HintedError): MessageId | undefined {
  const pointer = errorMessagePointer(error);
  const byPlace = pointer === undefined ? undefined : ERROR_MESSAGE_IDS[pointer];
  if (byPlace !== undefined) return byPlace;
  // Where the place cannot be worked out (a union not read as one branch), the same words at the same relative place.
  const at = error.schemaPath.slice(1);
  const placed = (pointer: string): boolean => pointer.endsWith(at) || pointer.slice(0, pointer.lastIndexOf('/')).endsWith(at);
  const matches = errorMessageTexts().filter((entry) => placed(entry.pointer) && entry.text === error.message);
  return matches.map((entry) => ERROR_MESSAGE_IDS[entry.pointer]).find((id) => id !== undefined);
}

/**
 * Where in the schema an errorMessage error's text is written. ajv gives its
 * schemaPath relative to the definition whose validator made it (refs are not
 * inlined), so walk the data path to that definition: the last one entered
 * before the part of the path the schemaPath itself covers.
 */
function errorMessagePointer(error: HintedError): string | undefined {
  if (!error.schemaPath.startsWith('#/')) return undefined;
  const relative = error.schemaPath.slice(2).split('/');
  const segments = pointerSegments(error.instancePath);
  const depth = segments.length - instanceSegmentsCovered(relative);
  if (depth < 0) return undefined;
  const base = definitionAt(segments.slice(0, depth), error.branch);
  if (base === undefined) return undefined;
  const pointer = `${base}${error.schemaPath.slice(1)}`;
  const written = schemaAtPointer(pointer);
  if (typeof written === 'string') return pointer;
  if (!isPlainObject(written)) return undefined;
  const inner = Array.isArray(error.params.errors) ? (error.params.errors as unknown[])[0] : undefined;
  const keyword = isPlainObject(inner) && typeof inner.keyword === 'string' ? inner.keyword : undefined;
  return keyword !== undefined && Object.hasOwn(written, keyword) ? `${pointer}/${keyword}` : `${pointer}/_`;
}

/** How many data path segments a schema path walks down (`properties/x`, `items`...). */
function instanceSegmentsCovered(schemaPath: readonly string[]): number {
  let covered = 0;
  for (let index = 0; index < schemaPath.length; index++) {
    const segment = schemaPath[index];
    if (segment === 'properties' || segment === 'patternProperties') {
      covered++;
      index++;
    } else if (segment === 'items' || segment === 'additionalProperties') {
      covered++;
      if (/^\d+$/.test(schemaPath[index + 1] ?? '')) index++;
    } else if (segment === 'allOf' || segment === 'anyOf' || segment === 'oneOf') {
      index++;
    }
  }
  return covered;
}

/** The schema pointer (`#` or `#/definitions/X`) whose validator checks the data at this path. */
function definitionAt(segments: readonly string[], branch: string | undefined): string | undefined {
  let base = '#';
  let schema: JsonSchema | undefined = runtimeSchema;
  const enter = (next: JsonSchema | undefined, segment: string | undefined): JsonSchema | undefined => {
    let current = next;
    for (let hops = 0; current && hops < 10; hops++) {
      if (typeof current.$ref === 'string' && current.$ref.startsWith('#/definitions/')) {
        const name = current.$ref.slice('#/definitions/'.length);
        base = `#/definitions/${name}`;
        current = (runtimeSchema.definitions as Record<string, JsonSchema> | undefined)?.[name];
        continue;
      }
      const branches = [...unionBranchNames(current, 'oneOf'), ...unionBranchNames(current, 'anyOf')];
      if (branches.length === 0) return current;
      // A union: the branch the error was read in, else the one that has the next key.
      const chosen =
        branch !== undefined && branches.includes(branch)
          ? branch
          : branches.find((name) => segment !== undefined && propertyNames(dereference({ $ref: `#/definitions/${name}` })).includes(segment));
      if (chosen === undefined) return undefined;
      current = { $ref: `#/definitions/${chosen}` };
    }
    return current;
  };
  schema = enter(schema, segments[0]);
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string;
    if (!schema) return undefined;
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    let next: JsonSchema | undefined;
    if (properties && Object.hasOwn(properties, segment)) next = properties[segment];
    else if (/^\d+$/.test(segment) && isPlainObject(schema.items)) next = schema.items;
    else if (isPlainObject(schema.additionalProperties)) next = schema.additionalProperties;
    else return undefined;
    schema = enter(next, segments[index + 1]);
  }
  return schema ? base : undefined;
}

function schemaAtPointer(pointer: string): unknown {
  let current: unknown = runtimeSchema;
  for (const segment of pointerSegments(pointer.slice(1))) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

let ERROR_MESSAGE_TEXTS: { pointer: string; text: string }[] | undefined;

/** Every errorMessage text of the schema, with where it is written (a pointer, as in ERROR_MESSAGE_IDS). */
export function errorMessageTexts(schema: unknown = runtimeSchema): { pointer: string; text: string }[] {
  if (schema === runtimeSchema && ERROR_MESSAGE_TEXTS) return ERROR_MESSAGE_TEXTS;
  const found: { pointer: string; text: string }[] = [];
  const visit = (node: unknown, pointer: string, parentKey: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`, undefined));
      return;
    }
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      // Under `properties` and `definitions` the keys are names, not keywords.
      if (key === 'errorMessage' && parentKey !== 'properties' && parentKey !== 'definitions') {
        if (typeof value === 'string') found.push({ pointer: at, text: value });
        else if (isPlainObject(value))
          for (const [keyword, text] of Object.entries(value)) if (typeof text === 'string') found.push({ pointer: `${at}/${keyword}`, text });
      } else if (key !== 'examples' && key !== 'defaultSnippets' && key !== 'const' && key !== 'enum') {
        visit(value, at, key);
      }
    }
  };
  visit(schema, '#', undefined);
  if (schema === runtimeSchema) ERROR_MESSAGE_TEXTS = found;
  return found;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Turns a JSON Pointer into a path, with numbers where the data has lists. */
function pathFromPointer(pointer: string, data: unknown): JsonPath {
  const path: (string | number)[] = [];
  let current: unknown = data;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = isPlainObject(current) ? current[segment] : undefined;
    }
  }
  return path;
}

/** The schema that applies at a data path (following $ref, properties and items). */
function schemaAt(segments: readonly string[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = dereference(runtimeSchema);
  for (const segment of segments) {
    if (!schema) return undefined;
    schema = unionBranchFor(schema, segment);
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, segment)) schema = dereference(properties[segment]);
    else if (/^\d+$/.test(segment) && isPlainObject(schema.items)) schema = dereference(schema.items);
    else if (isPlainObject(schema.additionalProperties)) schema = dereference(schema.additionalProperties);
    else return undefined;
  }
  return schema;
}

/** In a union (a phone line, or a list of them), the branch a path goes on through: the one with that key, or with items for an index. */
function unionBranchFor(schema: JsonSchema, segment: string): JsonSchema {
  const branches = [...unionBranchNames(schema, 'oneOf'), ...unionBranchNames(schema, 'anyOf')].flatMap((name) => {
    const branch = dereference({ $ref: `#/definitions/${name}` });
    return branch ? [branch] : [];
  });
  if (branches.length === 0) return schema;
  const isIndex = /^\d+$/.test(segment);
  return (
    branches.find((branch) => (isIndex ? isPlainObject(branch.items) : isPlainObject(branch.properties) && Object.hasOwn(branch.properties, segment))) ?? schema
  );
}

function dereference(schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const name = current.$ref.replace('#/definitions/', '');
    current = (runtimeSchema.definitions as Record<string, JsonSchema> | undefined)?.[name];
  }
  return current;
}

function allowedKeys(segments: readonly string[]): string[] {
  const schema = schemaAt(segments);
  // A union (such as closed day / other hours) allows the keys of all its branches.
  const schemas = [
    schema,
    ...['oneOf', 'anyOf'].flatMap((keyword) => unionBranchNames(schema, keyword).map((name) => dereference({ $ref: `#/definitions/${name}` }))),
  ];
  return [...new Set(schemas.flatMap(propertyNames))];
}

function propertyNames(schema: JsonSchema | undefined): string[] {
  const properties = schema?.properties;
  return isPlainObject(properties) ? Object.keys(properties).filter((key) => key !== '$schema') : [];
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
