import type { Formatter } from '../model/diagnostic.js';

/** The built-in output formats, in the order `--help` lists them. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * Loads one formatter. Each lives in its own module and is imported only when
 * chosen, so start-up never pays for the others (SARIF's hashing, say).
 */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
    case 'github':
      return (await import('./github.js')).formatGithub;
    default:
      return unknownFormat(name);
  }
}

function unknownFormat(name: never): never {
  throw new Error(`unknown format \`${String(name)}\`; use one of ${FORMAT_NAMES.join(', ')}`);
}
