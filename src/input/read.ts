import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { UsageError } from '../errors.js';
import type { SourceFile } from '../model.js';
import {
  DEFAULT_LIMITS,
  MEGABYTE,
  megabytes,
  SETTINGS_FILE_MAX_BYTES,
} from './limits.js';
import { firstUtf8Break } from './utf8.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Read a Markdown file as UTF-8 text, refusing what is not text and what
 * is larger than `maxBytes` (checked before and while reading, so that a
 * device such as /dev/zero is refused too).
 *
 * A BOM is dropped; CR LF line endings stay in the text because the parser
 * counts lines the same way whatever the ending.
 */
export function readSourceFile(
  path: string,
  maxBytes: number = DEFAULT_LIMITS.maxBytes,
): SourceFile {
  return sourceFromBytes(path, readBytes(path, maxBytes));
}

/**
 * Bytes read elsewhere (stdin) as a source file, with the same checks as
 * a file on disk; `path` is the name reports use.
 */
export function sourceFromBytes(path: string, bytes: Buffer): SourceFile {
  const text = decodeText(bytes, path);
  if (text.trim() === '')
    throw new UsageError('is empty (blank lines only)', path);

  return { path, text, lines: countLines(text) };
}

/** Read a file's bytes, turning file system errors into usage errors. */
export function readSourceBytes(
  path: string,
  maxBytes: number = DEFAULT_LIMITS.maxBytes,
): Buffer {
  return readBytes(path, maxBytes);
}

/**
 * A small settings file (a rule or the config) as UTF-8 text; an
 * unreadable, oversized or undecodable one is a usage error naming the
 * file. Empty is allowed: the loaders say what an empty file lacks.
 */
export function readSettingsText(path: string): string {
  const bytes = readBytes(path, SETTINGS_FILE_MAX_BYTES);
  if (bytes.length === 0) return '';

  return decodeText(bytes, path);
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

const CHUNK = 1 << 16;

/** Read at most `maxBytes` (plus one to notice more) from any kind of file. */
export function readBytes(path: string, maxBytes: number): Buffer {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw new UsageError(describeFsError(error), path);
  }

  try {
    return readOpenFile(descriptor, path, maxBytes);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeFsError(error), path);
  } finally {
    closeSync(descriptor);
  }
}

function readOpenFile(
  descriptor: number,
  path: string,
  maxBytes: number,
): Buffer {
  const stats = fstatSync(descriptor);
  if (stats.isDirectory()) {
    throw new UsageError('is a folder, expected a Markdown file', path);
  }
  if (stats.isFile() && stats.size > maxBytes)
    throw sizeLimitError(path, stats.size, maxBytes);

  // Pipes and devices have no size up front: read in chunks and stop as
  // soon as the limit is passed.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = readSync(descriptor, chunk, 0, CHUNK, null);
    if (read === 0) break;

    total += read;
    if (total > maxBytes) throw sizeLimitError(path, null, maxBytes);
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}

/** Over the size limit; `size` is null when the input has no size up front. */
export function sizeLimitError(
  path: string,
  size: number | null,
  maxBytes: number,
): UsageError {
  const limit = `the ${String(maxBytes / MEGABYTE)} MB size limit`;
  if (size === null) {
    return new UsageError(
      `is larger than ${limit} (raise it with --max-size <MB>)`,
      path,
    );
  }

  // Rounded figures can look equal near the limit; then bytes say it.
  const shown =
    megabytes(size) === megabytes(maxBytes)
      ? `${size} bytes`
      : `${megabytes(size)} MB`;
  const raise = `raise it with --max-size ${Math.ceil(size / MEGABYTE)}`;
  return new UsageError(`is ${shown}, over ${limit} (${raise})`, path);
}

/** Name an operating system error the way a user would. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, expected a Markdown file';
  if (code === 'ENOTDIR')
    return 'no such file (a part of the path is not a folder)';
  if (code === 'ELOOP') return 'cannot be read (too many symbolic links)';
  if (code === 'ENAMETOOLONG') return 'cannot be read (the name is too long)';
  if (code === 'EMFILE' || code === 'ENFILE')
    return 'cannot be read (too many open files)';
  return `cannot be read (${code ?? String(error)})`;
}

function decodeText(bytes: Buffer, path: string): string {
  if (bytes.length === 0) {
    throw new UsageError('is empty', path);
  }

  const wide = wideEncoding(bytes);
  if (wide) {
    throw new UsageError(
      `is ${wide} text; save it as UTF-8 (plan-audit reads UTF-8 only)`,
      path,
    );
  }

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UsageError(
      `is binary (a NUL byte at offset ${nul}), not Markdown`,
      path,
    );
  }

  const start = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(start),
    );
  } catch {
    const found = firstUtf8Break(bytes.subarray(start));
    const where = found
      ? ` (line ${found.line}, byte offset ${found.offset + start})`
      : '';
    throw new UsageError(`is not valid UTF-8${where}; save it as UTF-8`, path);
  }
}

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Buffer): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 or UTF-32, told by the byte order mark or, without one, by NUL
 * bytes in every other position as ASCII text in UTF-16 has them.
 */
function wideEncoding(bytes: Buffer): string | null {
  const head = [...bytes.subarray(0, 4)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  if (head === 'fffe0000' || head === '0000feff') return 'UTF-32';
  if (head.startsWith('fffe') || head.startsWith('feff')) return 'UTF-16';

  const sample = bytes.subarray(0, 4096);
  const nuls = [0, 0];
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) nuls[index % 2]++;
  }
  const pairs = Math.floor(sample.length / 2);
  const mostly = (count: number) => pairs >= 2 && count >= pairs * 0.4;
  const rarely = (count: number) => count <= pairs * 0.05;
  if (
    (mostly(nuls[0]) && rarely(nuls[1])) ||
    (mostly(nuls[1]) && rarely(nuls[0]))
  ) {
    return 'UTF-16 (without a byte order mark)';
  }
  return null;
}
