// Eleventy ships no type declarations; this is the part of its API the build uses.
declare module '@11ty/eleventy' {
  export class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean; config?: (config: never) => void });
    disableLogger(): void;
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
  }
}
