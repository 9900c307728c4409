/** Terminal colours for the CLI's tables: each command takes `palette(wanted)` and never tests for colour itself. */
export type Paint = (text: string) => string;

export interface Palette {
  readonly red: Paint;
  readonly yellow: Paint;
  readonly green: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
  readonly underline: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const identity: Paint = (text) => text;

const COLOURS: Palette = { red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22), underline: ansi(4, 24) };
const PLAIN: Palette = { red: identity, yellow: identity, green: identity, dim: identity, bold: identity, underline: identity };

/** ANSI colours, or none. */
export function palette(color: boolean): Palette {
  return color ? COLOURS : PLAIN;
}
