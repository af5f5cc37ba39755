import type { Edit } from './apply.js';

/** Lines of unchanged context around each change, as `diff -u` shows. */
export const CONTEXT_LINES = 3;

export interface DiffHeader {
  /** Shown after `--- ` and `+++ `, such as `a/plan.md` and `b/plan.md`. */
  from: string;
  to: string;
}

/**
 * A unified diff of an edit script: `---`/`+++` headers, then hunks with
 * three lines of context, neighbouring hunks merged as `diff -u` and
 * `git diff` do. Lines keep their own endings (a CRLF file gives CRLF
 * diff lines, which `patch` and `git apply` expect); a line without a
 * final newline is followed by the usual `\ No newline at end of file`.
 * Empty when nothing changes.
 */
export function unifiedDiff(
  edits: readonly Edit[],
  header: DiffHeader,
): string {
  const hunks = groupHunks(edits);
  if (hunks.length === 0) return '';

  const out = [`--- ${header.from}\n`, `+++ ${header.to}\n`];
  for (const hunk of hunks) out.push(...renderHunk(edits, hunk));
  return out.join('');
}

interface Hunk {
  /** Range of the edit script, end exclusive. */
  start: number;
  end: number;
}

function groupHunks(edits: readonly Edit[]): Hunk[] {
  const hunks: Hunk[] = [];

  edits.forEach((edit, index) => {
    if (edit.op === ' ') return;

    const start = Math.max(0, index - CONTEXT_LINES);
    const end = Math.min(edits.length, index + 1 + CONTEXT_LINES);
    const last = hunks[hunks.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else hunks.push({ start, end });
  });

  return hunks;
}

function renderHunk(edits: readonly Edit[], hunk: Hunk): string[] {
  let oldStart = 1;
  let newStart = 1;
  for (const edit of edits.slice(0, hunk.start)) {
    if (edit.op !== '+') oldStart++;
    if (edit.op !== '-') newStart++;
  }

  const body = edits.slice(hunk.start, hunk.end);
  const oldCount = body.filter((edit) => edit.op !== '+').length;
  const newCount = body.filter((edit) => edit.op !== '-').length;

  // An empty side starts at the line before the change, as in `diff -u`.
  const oldAt = oldCount === 0 ? oldStart - 1 : oldStart;
  const newAt = newCount === 0 ? newStart - 1 : newStart;

  const lines = [`@@ -${oldAt},${oldCount} +${newAt},${newCount} @@\n`];
  for (const edit of body) {
    const { text, eol } = edit.line;
    lines.push(
      `${edit.op}${text}${eol === '' ? '\n\\ No newline at end of file\n' : eol}`,
    );
  }
  return lines;
}
