import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage } from '../messages/message.js';

/** What Node says when an import or require names something that is not there. */
const NOT_FOUND_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/** `Cannot find package 'x' imported from …` (import), `Cannot find module 'x'` (import of a file, require). */
const NOT_FOUND_MESSAGE = /^Cannot find (?:package|module) '([^']+)'/;

/** A name npm would install: `name` or `@scope/name`, optionally followed by a path inside it. */
const BARE_SPECIFIER = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(?:\/.*)?$/i;

/**
 * The package a failed import names, when the failure is that the package is
 * not installed: commands load their heavier dependencies only when they run
 * (`cards` loads playwright-core), so a project that lacks one learns it only
 * then. A missing file of a package that is there, a relative or absolute
 * path, or any other error is not this.
 */
export function missingPackageOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !NOT_FOUND_CODES.has(code)) return undefined;
  const specifier = NOT_FOUND_MESSAGE.exec(error.message)?.[1];
  if (specifier === undefined || specifier.startsWith('node:')) return undefined;
  return BARE_SPECIFIER.exec(specifier)?.[1];
}

/**
 * The one line that says which package a command (`cards`) needs and how to
 * install it, or undefined when the error is not a missing package.
 */
export function missingPackageText(error: unknown, command: string | undefined, locale: MessageLocale): string | undefined {
  const name = missingPackageOf(error);
  if (name === undefined) return undefined;
  return renderMessage(
    message('cli.missing-package.not-installed', { command: command === undefined ? 'charter' : `charter ${command}`, package: name }),
    locale,
  );
}
