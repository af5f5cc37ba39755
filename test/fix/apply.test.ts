import { describe, expect, it } from 'vitest';

import { applyInsertions, textAfter } from '../../src/fix/apply.js';
import { dominantEol, joinLines, splitLines } from '../../src/fix/lines.js';

const insert = (text: string, afterLine: number, lines: string[]) =>
  textAfter(applyInsertions(splitLines(text), [{ afterLine, lines }]).edits);

describe('splitLines', () => {
  it.each([
    ['LF', 'a\nb\n'],
    ['CRLF', 'a\r\nb\r\n'],
    ['lone CR', 'a\rb\r'],
    ['mixed, no final newline', 'a\r\nb\nc'],
    ['blank lines', '\n\n\n'],
  ])('gives the same bytes back (%s)', (_name, text) => {
    expect(joinLines(splitLines(text))).toBe(text);
  });

  it('counts lines as the parser does: a final newline starts no line', () => {
    expect(splitLines('a\nb\n').map((line) => line.text)).toEqual(['a', 'b']);
    expect(splitLines('a\nb').map((line) => line.eol)).toEqual(['\n', '']);
  });

  it('uses the ending most lines have for new lines', () => {
    expect(dominantEol(splitLines('a\r\nb\r\nc\n'))).toBe('\r\n');
    expect(dominantEol(splitLines('no newline at all'))).toBe('\n');
  });
});

describe('applyInsertions', () => {
  it('separates the new block from its neighbours by one blank line', () => {
    expect(insert('A\nB\n', 1, ['## S', 'text'])).toBe(
      'A\n\n## S\ntext\n\nB\n',
    );
  });

  it('adds no second blank line where there is one already', () => {
    expect(insert('A\n\nB\n', 2, ['## S'])).toBe('A\n\n## S\n\nB\n');
  });

  it('puts blocks for the same line in the order given, a blank line apart', () => {
    const { edits, starts } = applyInsertions(splitLines('A\n'), [
      { afterLine: 1, lines: ['## One'] },
      { afterLine: 1, lines: ['## Two'] },
    ]);
    expect(textAfter(edits)).toBe('A\n\n## One\n\n## Two\n');
    expect(starts).toEqual([3, 5]);
  });

  it('reports where each block starts in the new file', () => {
    const { starts } = applyInsertions(splitLines('A\nB\nC\n'), [
      { afterLine: 3, lines: ['## Late'] },
      { afterLine: 1, lines: ['## Early', 'x'] },
    ]);
    expect(starts).toEqual([9, 3]);
  });

  it('gives new lines the CRLF endings of a CRLF file', () => {
    expect(insert('A\r\nB\r\n', 1, ['## S'])).toBe(
      'A\r\n\r\n## S\r\n\r\nB\r\n',
    );
  });

  it('keeps a file without a final newline without one', () => {
    expect(insert('A\nB', 2, ['## S', 'x'])).toBe('A\nB\n\n## S\nx');
  });

  it('keeps the final newline of a file that has one', () => {
    expect(insert('A\nB\n', 2, ['## S'])).toBe('A\nB\n\n## S\n');
  });

  it('inserts before the first line', () => {
    expect(insert('A\n', 0, ['## S'])).toBe('## S\n\nA\n');
  });

  it('changes nothing when there is nothing to insert', () => {
    const text = 'A\r\nB';
    expect(textAfter(applyInsertions(splitLines(text), []).edits)).toBe(text);
  });
});
