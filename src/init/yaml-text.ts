/**
 * A string as a YAML scalar that reads back as exactly that string, in both
 * YAML readers the tool uses: plain where nothing in it could mean anything
 * else, double-quoted (JSON's escapes are YAML's) everywhere else.
 */
export function yamlScalar(text: string): string {
  return isSafePlain(text) ? text : JSON.stringify(text);
}

/** Always double-quoted: for names given on the command line, whatever they hold. */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * Starts with a letter and holds no `: `, ` #`, line break or character a
 * reader could take for syntax; not a word YAML reads as a boolean or null.
 * (Plain scalars starting with a letter never read as numbers or dates.)
 */
function isSafePlain(text: string): boolean {
  if (!/^\p{L}/u.test(text) || /\s$/u.test(text)) return false;
  if (/[\n\r\t"'`{}[\]|>&*!%@\\]/.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  if (/[^\p{L}\p{N}\p{P}\p{Zs}\p{S}]/u.test(text)) return false;
  return !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
}
