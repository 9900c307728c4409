import type { JsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject, type CharterData } from '../model/charter.js';
import { isTextMap } from '../load/merge.js';

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
  return listAt(data, ['contacts']).flatMap((contact) =>
    isPlainObject(contact) && typeof contact.id === 'string' ? [contact.id] : [],
  );
}

/** Every multilingual text map in the data, with its path. */
export function* textMaps(value: unknown, path: JsonPath = []): Generator<{ path: JsonPath; text: Record<string, unknown> }> {
  if (isTextMap(value)) {
    yield { path, text: value };
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) yield* textMaps(value[index], [...path, index]);
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) yield* textMaps(child, [...path, key]);
  }
}

/** Every opening-hours block: the unit's and each channel's own. */
export function hoursBlocks(data: CharterData): { path: JsonPath; hours: Record<string, unknown> }[] {
  const blocks: { path: JsonPath; hours: Record<string, unknown> }[] = [];
  const unitHours = objectAt(data, ['hours']);
  if (unitHours) blocks.push({ path: ['hours'], hours: unitHours });
  for (const channel of ['phone', 'counter']) {
    const hours = objectAt(data, ['channels', channel, 'hours']);
    if (hours) blocks.push({ path: ['channels', channel, 'hours'], hours });
  }
  return blocks;
}
