import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { isSystemError, systemErrorMessage } from './system-error.js';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';

/**
 * Flags for opening a file that may turn out not to be one: a FIFO opened
 * without O_NONBLOCK waits for a writer forever, and a terminal must never
 * become the controlling one. (Windows has neither flag, nor FIFOs.)
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a path holds when it is not a regular file, as a message (`a FIFO (named pipe)`); undefined for a regular file. */
export function notRegularKindMessage(stats: Stats): MessageRef | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return message('cli.file-kind.folder');
  if (stats.isFIFO()) return message('cli.file-kind.fifo');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return message('cli.file-kind.device');
  if (stats.isSocket()) return message('cli.file-kind.socket');
  return message('cli.file-kind.special');
}

export type RegularFileRead =
  | { readonly bytes: Buffer; readonly realPath: string }
  | { readonly tooLarge: number; readonly realPath: string }
  /** `realPath` when it can be told (a pipe behind /dev/stdin has none). */
  | { readonly notRegular: string; readonly notRegularText: MessageRef; readonly realPath?: string };

/**
 * Reads a regular file whole, without ever blocking on a FIFO or a device:
 * the file is opened non-blocking and checked on the open descriptor, so it
 * cannot be swapped between the check and the read. `realPath` is where the
 * bytes came from after following links (for keeping reads inside a folder);
 * it is checked to be the very file that was opened. A file over `maxBytes`
 * is not read. Throws the system's error (ENOENT, EACCES…) otherwise.
 */
export function readRegularFileSync(path: string, maxBytes: number): RegularFileRead {
  const descriptor = openSync(path, READ_FLAGS);
  try {
    const opened = fstatSync(descriptor);
    const kindText = notRegularKindMessage(opened);
    if (kindText !== undefined) {
      const kind = { notRegular: renderMessage(kindText, 'en'), notRegularText: kindText };
      const realPath = realpathOrUndefined(path);
      return realPath === undefined ? kind : { ...kind, realPath };
    }
    const realPath = realpathSync.native(path);
    const there = lstatSync(realPath);
    if (there.dev !== opened.dev || there.ino !== opened.ino) {
      throw Object.assign(new Error(`${path} was replaced while it was being read`), { code: 'ECHANGED' });
    }
    const size = opened.size;
    if (size > maxBytes) return { tooLarge: size, realPath };
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(descriptor, bytes, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { bytes: bytes.subarray(0, offset), realPath };
  } finally {
    closeSync(descriptor);
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Reads a regular file that an option names (a stylesheet, a logo), or says
 * why it cannot be used, for a one-line usage error.
 */
export function readNamedFile(path: string, maxBytes: number): { bytes: Buffer } | { problem: MessageRef } {
  let read: RegularFileRead;
  try {
    read = readRegularFileSync(path, maxBytes);
  } catch (error) {
    return { problem: systemProblemMessage(error) };
  }
  if ('notRegular' in read) return { problem: message('cli.named-file.not-regular', { kind: read.notRegularText }) };
  if ('tooLarge' in read) return { problem: message('cli.named-file.too-large', { size: read.tooLarge, max: maxBytes }) };
  return { bytes: read.bytes };
}

/** Why a named file could not be read (`no such file`, `permission denied`), as a message. */
export function systemProblemMessage(error: unknown): MessageRef {
  // A file was named, so "no such file" rather than the general "no such file or folder".
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return message('cli.named-file.no-such-file');
  const reason = systemErrorMessage(error);
  return isSystemError(error) && reason.id === 'cli.system-error.other' ? message('cli.named-file.unreadable', { reason }) : reason;
}
