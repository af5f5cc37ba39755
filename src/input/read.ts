import { readFileSync, statSync } from 'node:fs';

import { UsageError } from '../errors.js';
import type { SourceFile } from '../model.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Read a Markdown file as UTF-8 text, refusing what is not text.
 *
 * A BOM is dropped; CR LF line endings stay in the text because the parser
 * counts lines the same way whatever the ending.
 */
export function readSourceFile(path: string): SourceFile {
  return sourceFromBytes(path, readBytes(path));
}

/**
 * Bytes read elsewhere (stdin) as a source file, with the same checks as
 * a file on disk; `path` is the name reports use.
 */
export function sourceFromBytes(path: string, bytes: Buffer): SourceFile {
  const text = decodeText(bytes, path);
  return { path, text, lines: countLines(text) };
}

/** Read a file's bytes, turning file system errors into usage errors. */
export function readSourceBytes(path: string): Buffer {
  return readBytes(path);
}

/** Turn text given in memory (stdin, tests) into a source file. */
export function sourceFromText(path: string, text: string): SourceFile {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return { path, text: clean, lines: countLines(clean) };
}

/** Lines as an editor numbers them: a final newline adds no line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;

  let lines = 1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) lines++;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) lines++;
  }

  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13 ? lines - 1 : lines;
}

function readBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError('is a folder, expected a Markdown file', path);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeFsError(error), path);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, expected a Markdown file';
  return `cannot be read (${code ?? String(error)})`;
}

function decodeText(bytes: Buffer, path: string): string {
  if (bytes.length === 0) {
    throw new UsageError('is empty', path);
  }

  if (looksLikeUtf16(bytes)) {
    throw new UsageError(
      'is UTF-16 text; save it as UTF-8 (plan-audit reads UTF-8 only)',
      path,
    );
  }

  if (bytes.includes(0)) {
    throw new UsageError('is binary (it contains NUL bytes), not Markdown', path);
  }

  const start = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const offset = firstInvalidUtf8Offset(bytes.subarray(start)) + start;
    throw new UsageError(`is not valid UTF-8 (first bad byte at offset ${offset})`, path);
  }
}

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Buffer): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

function looksLikeUtf16(bytes: Buffer): boolean {
  const bom = bytes.length >= 2 ? (bytes[0] << 8) | bytes[1] : 0;
  return bom === 0xfffe || bom === 0xfeff;
}

/** Where decoding breaks, so the message can point at it. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;

  // The longest valid prefix, found by halving; a cut inside a multi-byte
  // sequence also fails, so the answer can be up to three bytes early.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, middle));
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * A small settings file (a rule or the config) as UTF-8 text; an
 * unreadable one is a usage error naming the file.
 */
export function readSettingsText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(describeFsError(error), path);
  }
}
