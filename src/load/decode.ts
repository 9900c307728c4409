import { Buffer, isUtf8 } from 'node:buffer';
import type { Position } from '../model/diagnostic.js';
import { message, type MessageRef } from '../messages/message.js';

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: MessageRef; readonly position: Position };

/**
 * Decodes a charter file as UTF-8. Invalid bytes are an error at the first bad
 * byte, rather than silently replaced: a mangled "ä" would reach the printed card.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      ok: false,
      message: message('load.encoding.utf16'),
      position: { line: 1, column: 1 },
    };
  }
  if (looksLikeUtf16(bytes)) {
    return {
      ok: false,
      message: message('load.encoding.utf16-without-bom'),
      position: { line: 1, column: 1 },
    };
  }
  // The native check is fast; the byte-by-byte search runs only to say where a bad byte is.
  if (!isUtf8(bytes)) {
    const badOffset = firstInvalidUtf8Offset(bytes);
    return {
      ok: false,
      message: message('load.encoding.not-utf8', { byte: (bytes[badOffset] ?? 0).toString(16).padStart(2, '0'), offset: badOffset }),
      position: positionOfByte(bytes, Math.max(0, badOffset)),
    };
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const loneReturn = firstLoneReturnOfOldMacFile(text);
  if (loneReturn !== -1) {
    return {
      ok: false,
      message: message('load.encoding.old-mac-line-endings'),
      position: positionInText(text, loneReturn),
    };
  }
  return { ok: true, text };
}

/**
 * Old Mac files end lines with CR alone: read as one long line, such a file
 * would give a misleading error. Where CRs alone are the usual line end, the
 * offset of the first; -1 otherwise (a stray CR pasted into a text is a
 * control-character finding at its place).
 */
function firstLoneReturnOfOldMacFile(text: string): number {
  let first = -1;
  let lone = 0;
  for (let offset = text.indexOf('\r'); offset !== -1; offset = text.indexOf('\r', offset + 1)) {
    if (text.charCodeAt(offset + 1) === 0x0a) continue;
    if (first === -1) first = offset;
    lone++;
  }
  if (first === -1) return -1;
  let lineFeeds = 0;
  for (let offset = text.indexOf('\n'); offset !== -1 && lineFeeds < lone; offset = text.indexOf('\n', offset + 1)) lineFeeds++;
  return lone > lineFeeds ? first : -1;
}

function positionInText(text: string, offset: number): Position {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

/**
 * UTF-16 text of mostly Latin letters is valid UTF-8 too, full of zero bytes
 * at every other offset; read as UTF-8 it would be a NUL after each letter.
 * A zero byte is rare (the native search usually finds none); then the
 * start of the file decides.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) === -1) return false;
  const sample = Math.min(bytes.length, 1024);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index++) {
    if (bytes[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  // More than half of one parity's bytes are zero: letters below U+0100, one zero byte each.
  return Math.max(evenZeros, oddZeros) > sample / 4;
}

/** Returns the offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let codePoint = b0 & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  // Everything before the bad byte is valid UTF-8: decoded, its length is the column count.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return positionInText(before, before.length);
}
