import { dominantEol, isBlank, type Line } from './lines.js';

/** What to add to a file: lines to put after one of its lines. */
export interface Insertion {
  /** A line of the original file; 0 inserts before the first line. */
  afterLine: number;
  /** The new lines, without line endings or surrounding blank lines. */
  lines: string[];
}

/** One line of an edit: kept (` `), added (`+`) or taken out (`-`). */
export interface Edit {
  op: ' ' | '+' | '-';
  line: Line;
}

export interface AppliedInsertions {
  /** The whole file as an edit script; the diff is printed from it. */
  edits: Edit[];
  /** For each insertion, the line of the new file it starts on. */
  starts: number[];
}

/**
 * Insert blocks of lines into a file without touching any other byte.
 *
 * New lines get the file's own line ending. A blank line separates each
 * block from its neighbours unless a blank line is already there. When
 * the file has no final newline and a block goes at the end, the old last
 * line gains a newline and the new last line goes without one, so the file
 * still ends the way it did.
 */
export function applyInsertions(
  lines: readonly Line[],
  insertions: readonly Insertion[],
): AppliedInsertions {
  const eol = dominantEol(lines);
  const order = insertions
    .map((insertion, index) => ({ insertion, index }))
    .sort(
      (a, b) =>
        a.insertion.afterLine - b.insertion.afterLine || a.index - b.index,
    );

  const edits: Edit[] = [];
  const starts: number[] = new Array(insertions.length).fill(0);
  let newLine = 0;
  let next = 0;

  const emit = (op: Edit['op'], line: Line) => {
    edits.push({ op, line });
    if (op !== '-') newLine++;
  };

  for (let lineNo = 0; lineNo <= lines.length; lineNo++) {
    if (lineNo > 0) emit(' ', lines[lineNo - 1]);

    const group: typeof order = [];
    while (
      next < order.length &&
      clampLine(order[next].insertion.afterLine, lines) === lineNo
    ) {
      group.push(order[next++]);
    }
    if (group.length === 0) continue;

    const before = lineNo > 0 ? lines[lineNo - 1] : undefined;
    const after = lines[lineNo];
    if (before && before.eol === '') {
      // The old last line has no newline: it gets one, shown as a change.
      edits.pop();
      edits.push({ op: '-', line: before });
      edits.push({ op: '+', line: { text: before.text, eol } });
    }

    const added: string[] = [];
    if (before && !isBlank(before)) added.push('');
    group.forEach(({ insertion, index }, position) => {
      if (position > 0) added.push('');
      starts[index] = newLine + added.length + 1;
      added.push(...insertion.lines);
    });
    if (after && !isBlank(after)) added.push('');

    const endsFile = before?.eol === '';
    added.forEach((text, position) => {
      const last = position === added.length - 1;
      emit('+', { text, eol: last && endsFile ? '' : eol });
    });
  }

  return { edits, starts };
}

/** The text of one side of an edit script. */
export function textAfter(edits: readonly Edit[]): string {
  return edits
    .filter((edit) => edit.op !== '-')
    .map((edit) => edit.line.text + edit.line.eol)
    .join('');
}

function clampLine(line: number, lines: readonly Line[]): number {
  return Math.max(0, Math.min(line, lines.length));
}
