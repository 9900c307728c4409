import { writeFileSync } from 'node:fs';
import { lstat, readlink, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MessageError } from '../messages/message-error.js';
import { message, type MessageRef, type MessageValue } from '../messages/message.js';
import { systemErrorMessage } from './system-error.js';
import { writeFileAtomic } from './write-atomic.js';

/** An output file that cannot be used: a usage problem, one line saying why. */
export class OutputFileError extends MessageError {
  override readonly name = 'OutputFileError';
}

/**
 * Where a report (`-o FILE`) goes. A regular file, new or existing, is
 * replaced whole (see writeFileAtomic) at its real path, so a symbolic link
 * keeps pointing at it. A device, a pipe or an open descriptor (/dev/null,
 * /dev/stdout, a FIFO) is written in place: replacing it would put a plain
 * file where the device node was.
 */
export interface OutputFile {
  /** As the user wrote it, for messages. */
  readonly shown: string;
  readonly path: string;
  readonly inPlace: boolean;
  /** One of this process's open descriptors (`/dev/stdout` is 1): written to as it is, whatever it is open on (a socket cannot be opened again by path). */
  readonly descriptor?: number;
}

/** An input the output must not be: its path, and what it is for the message (`a contact log`, a message or English words). */
export interface RunInput {
  readonly path: string;
  readonly what: MessageValue;
}

/** Links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINKS = 40;

/**
 * Finds out where `path` really leads, before any work is done: a usage error
 * when its folder does not exist, or when it is a folder, a socket or a block
 * device.
 */
export async function resolveOutputFile(path: string, shown: string): Promise<OutputFile> {
  let current = path;
  for (let hop = 0; hop < MAX_LINKS; hop++) {
    const folder = await realpath(dirname(current)).catch((error: unknown) => {
      throw new OutputFileError(message('cli.output-file.cannot-write', { file: shown, reason: folderProblem(error, dirname(shown)) }));
    });
    // /dev/stdout, /dev/fd/1, /proc/self/fd/1: whatever the descriptor is open on, write through it.
    if (DESCRIPTOR_FOLDER.test(folder)) {
      const own = folder === `/proc/${process.pid}/fd` && /^\d+$/.test(basename(current));
      return { shown, path: join(folder, basename(current)), inPlace: true, ...(own ? { descriptor: Number(basename(current)) } : {}) };
    }
    const real = join(folder, basename(current));
    const info = await lstat(real).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      const reason = error.code === 'ENOTDIR' ? folderProblem(error, dirname(shown)) : systemErrorMessage(error);
      throw new OutputFileError(message('cli.output-file.cannot-write', { file: shown, reason }));
    });
    if (!info || info.isFile()) return { shown, path: real, inPlace: false };
    if (info.isSymbolicLink()) {
      current = resolve(folder, await readlink(real));
      continue;
    }
    if (info.isCharacterDevice() || info.isFIFO()) return { shown, path: real, inPlace: true };
    const reason = info.isDirectory()
      ? message('cli.output-file.is-folder')
      : info.isSocket()
        ? message('cli.output-file.is-socket')
        : info.isBlockDevice()
          ? message('cli.output-file.is-block-device')
          : message('cli.output-file.not-regular');
    throw new OutputFileError(message('cli.output-file.cannot-write', { file: shown, reason }));
  }
  throw new OutputFileError(message('cli.output-file.cannot-write', { file: shown, reason: message('cli.system-error.too-many-links') }));
}

/**
 * Refuses an output that is one of the run's inputs (a charter, a baseline
 * reached through `extends`, a contact log), however it is named: through a
 * link, a hard link or another spelling of the path, the device and inode are
 * the same.
 */
export async function refuseInputs(output: OutputFile, inputs: readonly RunInput[]): Promise<void> {
  const target = await stat(output.path).catch(() => undefined);
  if (!target) return;
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => undefined);
    if (info && info.dev === target.dev && info.ino === target.ino) {
      throw new OutputFileError(message('cli.output-file.is-input', { file: output.shown, what: input.what }));
    }
  }
}

/** Writes the report; a failure (a full disk, a read-only folder) is one line naming the file. */
export async function writeOutputFile(output: OutputFile, content: string): Promise<void> {
  try {
    // Appending keeps what a shell's `>>` put before; a device or pipe does not care.
    if (output.descriptor !== undefined) writeFileSync(output.descriptor, content);
    else if (output.inPlace) await writeFile(output.path, content, { flag: 'a' });
    else await writeFileAtomic(output.path, content);
  } catch (error) {
    throw new OutputFileError(message('cli.output-file.cannot-write', { file: output.shown, reason: systemErrorMessage(error) }));
  }
}

/** Where Linux lists a process's open descriptors (/proc/<pid>/fd), as realpath returns it. */
const DESCRIPTOR_FOLDER = /^\/proc\/\d+(\/task\/\d+)?\/fd$/;

function folderProblem(error: unknown, shownFolder: string): MessageRef {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return message('cli.output-file.no-folder', { folder: shownFolder });
  if (code === 'ENOTDIR') return message('cli.output-file.not-a-folder', { folder: shownFolder });
  return systemErrorMessage(error);
}
