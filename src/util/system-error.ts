import type { MessageId } from '../messages/catalog.js';
import { message, type MessageRef } from '../messages/message.js';

/** Words for the system errors a user can cause or fix (a full disk, a read-only folder), as messages. */
const REASONS: Readonly<Record<string, MessageId>> = {
  ENOENT: 'cli.system-error.no-such-file-or-folder',
  EACCES: 'cli.system-error.permission-denied',
  EPERM: 'cli.system-error.permission-denied',
  EROFS: 'cli.system-error.read-only',
  ENOSPC: 'cli.system-error.no-space',
  EDQUOT: 'cli.system-error.quota',
  EFBIG: 'cli.system-error.too-large',
  ENOTDIR: 'cli.system-error.file-in-the-way',
  EISDIR: 'cli.system-error.is-folder',
  EEXIST: 'cli.system-error.exists',
  ELOOP: 'cli.system-error.too-many-links',
  ENAMETOOLONG: 'cli.system-error.name-too-long',
  EMFILE: 'cli.system-error.too-many-open-files',
  ENFILE: 'cli.system-error.too-many-open-files',
  EBUSY: 'cli.system-error.busy',
  ETXTBSY: 'cli.system-error.busy',
  ENXIO: 'cli.system-error.no-device',
  EIO: 'cli.system-error.io',
  EADDRINUSE: 'cli.system-error.address-in-use',
  EADDRNOTAVAIL: 'cli.system-error.address-not-available',
};

/** A Node system error (`code`, `syscall`), as thrown by `fs`. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** The system error behind `error`, also when a library wrapped it (`cause`, Eleventy's `originalError`). */
export function findSystemError(error: unknown): (NodeJS.ErrnoException & { code: string }) | undefined {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (isSystemError(current)) return current;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return undefined;
}

/**
 * Why a file operation failed, as a message to say in the user's language:
 * `permission denied`; the code itself (or another error's own text) when it
 * has no words here.
 */
export function systemErrorMessage(error: unknown): MessageRef {
  if (!isSystemError(error)) return message('cli.system-error.other', { reason: error instanceof Error ? error.message : String(error) });
  const id = REASONS[error.code];
  return id === undefined ? message('cli.system-error.other', { reason: error.code }) : message(id);
}
