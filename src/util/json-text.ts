/**
 * JSON for output that may reach a terminal: JSON.stringify already escapes C0
 * controls; this escapes DEL, C1 controls, the line and paragraph separators
 * and the bidirectional controls too. The data read back is the same.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, escapeCodePoint)}\n`;
}

/** `\u001b`: a character as a JSON or JavaScript escape. */
export function escapeCodePoint(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
