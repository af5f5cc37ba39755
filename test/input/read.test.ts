import { chmodSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { describeFsError, readSourceFile } from '../../src/input/read.js';
import { firstUtf8Break } from '../../src/input/utf8.js';
import { tempFiles } from '../helpers.js';

const isRoot = process.getuid?.() === 0;

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

function readError(path: string, maxBytes?: number): string {
  try {
    readSourceFile(path, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).toLine();
  }
  throw new Error(`${path} was read without error`);
}

describe('describeFsError', () => {
  it.each([
    ['ENOENT', 'no such file'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EISDIR', 'is a folder, expected a Markdown file'],
    ['ENOTDIR', 'no such file (a part of the path is not a folder)'],
    ['ELOOP', 'cannot be read (too many symbolic links)'],
    ['EIO', 'cannot be read (EIO)'],
  ])('says %s as "%s"', (code, message) => {
    expect(describeFsError(errno(code))).toBe(message);
  });

  it('says something for an error without a code', () => {
    expect(describeFsError(new Error('odd'))).toBe(
      'cannot be read (Error: odd)',
    );
  });
});

describe('readSourceFile', () => {
  // Root reads a file whatever its mode, so this case cannot happen for
  // root; the mapping above covers the message.
  it.skipIf(isRoot)('refuses a file it may not read', () => {
    const folder = tempFiles({ 'secret.md': '# Secret\n' });
    chmodSync(join(folder, 'secret.md'), 0o000);

    expect(readError(join(folder, 'secret.md'))).toBe(
      `${join(folder, 'secret.md')}: permission denied`,
    );
  });

  it('reads a file of exactly the size limit and refuses one byte more', () => {
    const folder = tempFiles({
      'plan.md': `# Plan\n\n${'x'.repeat(1_000_001 - 9)}\n`,
    });
    const path = join(folder, 'plan.md');

    expect(readSourceFile(path, 1_000_001).lines).toBe(3);
    expect(readError(path, 1_000_000)).toBe(
      `${path}: is 1000001 bytes, over the 1 MB size limit (raise it with --max-size 2)`,
    );
  });

  it('stops reading a device at the limit', () => {
    expect(readError('/dev/zero', 100_000)).toBe(
      '/dev/zero: is larger than the 0.1 MB size limit (raise it with --max-size <MB>)',
    );
  });

  it('drops a UTF-8 byte order mark and keeps CR LF line counts', () => {
    const folder = tempFiles({
      'plan.md': Buffer.from('\uFEFF# Plan\r\n\r\nText\r\n', 'utf8'),
    });
    const file = readSourceFile(join(folder, 'plan.md'));

    expect(file.text.startsWith('# Plan')).toBe(true);
    expect(file.lines).toBe(3);
  });

  it('names UTF-32 as UTF-32', () => {
    const folder = tempFiles({
      'wide.md': Buffer.from([0xff, 0xfe, 0, 0, 0x23, 0, 0, 0]),
    });
    expect(readError(join(folder, 'wide.md'))).toMatch(
      /: is UTF-32 text; save it as UTF-8/,
    );
  });
});

describe('firstUtf8Break', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it.each([
    ['a stray continuation byte', bytes(0x61, 0x80), 1],
    ['a cut two-byte sequence', bytes(0x61, 0x62, 0xc3), 2],
    ['an overlong slash', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a lead byte that never starts UTF-8', bytes(0xff), 0],
  ])('finds %s', (_name, input, offset) => {
    expect(firstUtf8Break(input)?.offset).toBe(offset);
  });

  it('counts lines up to the bad byte, whatever the line ending', () => {
    const input = Buffer.from('one\r\ntwo\nthree\rfour \xff', 'latin1');
    expect(firstUtf8Break(input)).toEqual({ offset: 20, line: 4 });
  });

  it('accepts every valid sequence length, emoji included', () => {
    expect(
      firstUtf8Break(Buffer.from('a é € 🚀 \u{10FFFF}', 'utf8')),
    ).toBeNull();
  });
});
