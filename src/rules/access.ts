import type { JsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject, type CharterData } from '../model/charter-data.js';
import { isTextMap } from '../load/merge.js';
import { CHANNEL_KINDS } from '../model/charter.js';

/** Defensive readers: rules also run on charters with schema errors, so nothing is assumed. */
export function stringAt(data: unknown, path: JsonPath): string | undefined {
  const value = getPath(data, path);
  return typeof value === 'string' ? value : undefined;
}

export function listAt(data: unknown, path: JsonPath): readonly unknown[] {
  const value = getPath(data, path);
  return Array.isArray(value) ? value : [];
}

export function objectAt(data: unknown, path: JsonPath): Record<string, unknown> | undefined {
  const value = getPath(data, path);
  return isPlainObject(value) ? value : undefined;
}

export function declaredLanguages(data: CharterData): string[] {
  return listAt(data, ['languages']).filter((language): language is string => typeof language === 'string');
}

export function contactIds(data: CharterData): string[] {
  return listAt(data, ['contacts']).flatMap((contact) => (isPlainObject(contact) && typeof contact.id === 'string' ? [contact.id] : []));
}

/**
 * Calls `visit` for every multilingual text map in the data (`isText` says
 * which maps are texts). The path is made only when asked for: charters are
 * walked on every run, and most texts are fine.
 */
export function forEachTextMap(
  root: unknown,
  visit: (text: Record<string, unknown>, path: () => JsonPath) => void,
  isText: (value: object) => value is Record<string, unknown> = isTextMap,
): void {
  const stack: (string | number)[] = [];
  const currentPath = (): JsonPath => [...stack];
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        stack.push(index);
        walk(value[index]);
        stack.pop();
      }
      return;
    }
    if (isText(value)) {
      visit(value, currentPath);
      return;
    }
    for (const key in value) {
      stack.push(key);
      walk((value as Record<string, unknown>)[key]);
      stack.pop();
    }
  };
  walk(root);
}

/** Every line of every channel kind, written as one object (format 1) or as a list of lines, with its path. */
export function channelLines(data: CharterData): { line: Record<string, unknown>; path: JsonPath }[] {
  const lines: { line: Record<string, unknown>; path: JsonPath }[] = [];
  const channels = objectAt(data, ['channels']);
  if (!channels) return lines;
  for (const kind of CHANNEL_KINDS) {
    const written = channels[kind];
    if (isPlainObject(written)) lines.push({ line: written, path: ['channels', kind] });
    else if (Array.isArray(written)) {
      written.forEach((line: unknown, index) => {
        if (isPlainObject(line)) lines.push({ line, path: ['channels', kind, index] });
      });
    }
  }
  return lines;
}

/** Every opening-hours block: the unit's and each channel line's own. */
export function hoursBlocks(data: CharterData): { path: JsonPath; hours: Record<string, unknown> }[] {
  const blocks: { path: JsonPath; hours: Record<string, unknown> }[] = [];
  const unitHours = objectAt(data, ['hours']);
  if (unitHours) blocks.push({ path: ['hours'], hours: unitHours });
  for (const { line, path } of channelLines(data)) {
    if (isPlainObject(line.hours)) blocks.push({ path: [...path, 'hours'], hours: line.hours });
  }
  return blocks;
}
