import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  applyInsertions,
  type Insertion,
  textAfter,
} from '../../src/fix/apply.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { splitLines } from '../../src/fix/lines.js';
import { tempFiles } from '../helpers.js';

const HEADER = { from: 'a/plan.md', to: 'b/plan.md' };

function numbered(count: number, eol = '\n'): string {
  return Array.from(
    { length: count },
    (_, index) => `line ${index + 1}${eol}`,
  ).join('');
}

function diffOf(
  text: string,
  insertions: Insertion[],
): { diff: string; after: string } {
  const { edits } = applyInsertions(splitLines(text), insertions);
  return { diff: unifiedDiff(edits, HEADER), after: textAfter(edits) };
}

/** Apply a diff with git, which is strict about hunk headers and context. */
function gitApply(before: string, diff: string): string {
  const folder = tempFiles({ 'plan.md': before, 'change.diff': diff });
  execFileSync('git', ['apply', '--whitespace=nowarn', 'change.diff'], {
    cwd: folder,
  });
  return readFileSync(join(folder, 'plan.md'), 'utf8');
}

describe('unifiedDiff', () => {
  it('shows an insertion with three lines of context', () => {
    const { diff } = diffOf(numbered(10), [
      { afterLine: 5, lines: ['## New'] },
    ]);

    expect(diff).toBe(
      [
        '--- a/plan.md',
        '+++ b/plan.md',
        '@@ -3,6 +3,9 @@',
        ' line 3',
        ' line 4',
        ' line 5',
        '+',
        '+## New',
        '+',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('merges insertions whose context overlaps and splits distant ones', () => {
    const near = diffOf(numbered(30), [
      { afterLine: 5, lines: ['## A'] },
      { afterLine: 11, lines: ['## B'] },
    ]).diff;
    const far = diffOf(numbered(30), [
      { afterLine: 5, lines: ['## A'] },
      { afterLine: 12, lines: ['## B'] },
    ]).diff;

    expect(near.match(/^@@/gm)).toHaveLength(1);
    expect(far.match(/^@@ .* @@$/gm)).toEqual([
      '@@ -3,6 +3,9 @@',
      '@@ -10,6 +13,9 @@',
    ]);
  });

  it('marks the missing final newline on both sides', () => {
    const { diff } = diffOf('one\ntwo', [{ afterLine: 2, lines: ['## New'] }]);

    expect(diff).toBe(
      [
        '--- a/plan.md',
        '+++ b/plan.md',
        '@@ -1,2 +1,4 @@',
        ' one',
        '-two',
        '\\ No newline at end of file',
        '+two',
        '+',
        '+## New',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('is empty when nothing changes', () => {
    expect(diffOf(numbered(3), []).diff).toBe('');
  });

  it.each([
    [
      'LF',
      numbered(12),
      [
        { afterLine: 2, lines: ['## A', 'text'] },
        { afterLine: 12, lines: ['## B'] },
      ],
    ],
    ['CRLF', numbered(12, '\r\n'), [{ afterLine: 7, lines: ['## A'] }]],
    [
      'no final newline',
      'a\nb\nc',
      [
        { afterLine: 3, lines: ['## A'] },
        { afterLine: 1, lines: ['## B'] },
      ],
    ],
    ['at the very start', numbered(4), [{ afterLine: 0, lines: ['# Title'] }]],
  ])('applies cleanly with git apply (%s)', (_name, before, insertions) => {
    const { diff, after } = diffOf(before, insertions);
    expect(gitApply(before, diff)).toBe(after);
  });
});
