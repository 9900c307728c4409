/** Words for the system errors a user can cause or fix (a full disk, a read-only folder). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  ENOTDIR: 'a file is in the way of a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'it is busy',
  ETXTBSY: 'it is busy',
  ENXIO: 'no such device (or nothing reads from it)',
  EIO: 'an input/output error',
  EADDRINUSE: 'the address is already in use',
  EADDRNOTAVAIL: "the address is not one of this machine's",
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

/** Why a file operation failed, in words: `permission denied`; the code itself when it has no words here. */
export function systemErrorReason(error: unknown): string {
  if (!isSystemError(error)) return error instanceof Error ? error.message : String(error);
  return REASONS[error.code] ?? error.code;
}
