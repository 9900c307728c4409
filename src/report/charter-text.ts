import { isPlainObject } from '../model/charter.js';
import type { CharterText } from './model.js';

/** A charter text as written (a string, or strings per language); undefined when it is neither. */
export function charterTextOf(value: unknown): CharterText | undefined {
  if (typeof value === 'string') return value;
  if (!isPlainObject(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
