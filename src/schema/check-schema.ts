import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject } from '../model/charter-data.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { branchValidators, runtimeSchema, validateCharter } from './generated/validators.js';
import type { AjvError, JsonSchema } from './generated/validators.js';
import { closestMatch } from '../util/suggest.js';

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
  readonly hint?: string;
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
      if (!validate) return { name, order, errors: [] as AjvError[], rootErrors: Infinity };
      validate(value);
      const branchErrors = dropSupersededByErrorMessage([...(validate.errors ?? [])]).map((error) => ({
        ...error,
        instancePath: `${at}${error.instancePath}`,
      }));
      const rootErrors = branchErrors.filter((error) => error.instancePath === at).length;
      return { name, order, errors: branchErrors, rootErrors };
    });
    // Fewest problems at the union's own level (right shape), then fewest overall.
    checked.sort((a, b) => a.rootErrors - b.rootErrors || a.errors.length - b.errors.length || a.order - b.order);
    const best = checked[0];
    if (!best || best.errors.length === 0) continue;
    const others = checked.slice(1).map((branch) => branchTitle(branch.name));
    const hinted: HintedError[] = best.errors.map((error, index) => ({
      ...error,
      branch: best.name,
      ...(index === 0 && others.length > 0 ? { hint: `read as ${branchTitle(best.name)}; it could also be ${others.join(' or ')}` } : {}),
    }));
    result = [...result.filter((error) => !within(error)), ...hinted];
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

function branchTitle(name: string): string {
  const definitions = runtimeSchema.definitions as Record<string, JsonSchema> | undefined;
  const title = definitions?.[name]?.title;
  if (typeof title !== 'string') return name;
  return `${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${title}`;
}

/** ajv-errors replaces errors with its message but leaves propertyNames' inner pattern error. */
function dropSupersededByErrorMessage<T extends AjvError>(errors: T[]): T[] {
  const withMessage = new Set(errors.filter((error) => error.keyword === 'errorMessage').map((error) => error.instancePath));
  return errors.filter((error) => !(withMessage.has(error.instancePath) && error.keyword !== 'errorMessage' && error.propertyName !== undefined));
}

function toDiagnostic(error: HintedError, charter: ResolvedCharter): Diagnostic {
  const path = pathFromPointer(error.instancePath, charter.data);
  const where = path.length === 0 ? 'the charter' : `\`${formatJsonPath(path)}\``;
  let targetPath: JsonPath = path;
  let target: 'key' | 'value' = 'value';
  let message: string;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      targetPath = [...path, missing];
      message = path.length === 0 ? `the charter is missing the required key \`${missing}\`` : `${where} is missing the required key \`${missing}\``;
      break;
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      targetPath = [...path, extra];
      target = 'key';
      const allowed = error.branch ? propertyNames(dereference({ $ref: `#/definitions/${error.branch}` })) : allowedKeys(pointerSegments(error.instancePath));
      const suggestion = closestMatch(extra, allowed);
      const inside = path.length === 0 ? 'at the top of the charter' : `in ${where}`;
      message = `unknown key \`${extra}\` ${inside}`;
      if (suggestion) message += `; did you mean \`${suggestion}\`?`;
      else if (allowed.length > 0 && allowed.length <= 12) message += `; expected one of: ${allowed.join(', ')}`;
      break;
    }
    case 'enum': {
      const allowedValues = (error.params.allowedValues as unknown[]).map(String);
      const value = getPath(charter.data, path);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowedValues) : undefined;
      message = `${where} must be one of: ${allowedValues.join(', ')}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`;
      break;
    }
    default:
      message = `${where} ${messageOf(error)}${foundValue(getPath(charter.data, path), error.keyword === 'type')}`;
  }
  if (error.hint) message += ` (${error.hint})`;
  const located = charter.locate(targetPath, target);
  return {
    ruleId: SCHEMA_RULE_ID,
    severity: 'error',
    message,
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path: targetPath,
  };
}

/** Shows a short scalar as written, so the reader sees what was wrong without opening the file. */
function foundValue(value: unknown, describeCollections: boolean): string {
  if (typeof value === 'string') return value.length <= 60 ? ` (found \`${value}\`)` : '';
  if (typeof value === 'number' || typeof value === 'boolean') return ` (found ${String(value)})`;
  if (value === null) return ' (found nothing)';
  if (!describeCollections) return '';
  if (Array.isArray(value)) return ' (found a list)';
  return typeof value === 'object' ? ' (found a map)' : '';
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a map of keys',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function messageOf(error: AjvError): string {
  const params = error.params;
  switch (error.keyword) {
    case 'errorMessage':
      return error.message ?? 'is not valid';
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')).map((type) => TYPE_NAMES[String(type)] ?? String(type));
      return `must be ${types.join(' or ')}`;
    }
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'minItems':
      return `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `is too long: at most ${String(params.limit)} characters`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} key${params.limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return `must not list the same value twice (items ${String(params.j)} and ${String(params.i)} are the same)`;
    case 'minimum':
    case 'maximum':
      return error.message ?? 'is out of range';
    case 'pattern':
      return 'is not written in the expected form';
    case 'required':
      return `is missing the required key \`${String(params.missingProperty)}\``;
    case 'additionalProperties':
      return `has the unknown key \`${String(params.additionalProperty)}\``;
    default:
      return error.message ?? 'is not valid';
  }
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
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, segment)) schema = dereference(properties[segment]);
    else if (/^\d+$/.test(segment) && isPlainObject(schema.items)) schema = dereference(schema.items);
    else if (isPlainObject(schema.additionalProperties)) schema = dereference(schema.additionalProperties);
    else return undefined;
  }
  return schema;
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
