import type { Nodes, Root } from 'mdast';

import { UsageError } from '../errors.js';
import type { SourceFile } from '../model.js';

/** The deepest line found by {@link deepestNesting}. */
export interface Nesting {
  /** An upper bound of the list and block quote levels open on the line. */
  depth: number;
  /** 1-based line, or 0 for a text without any container. */
  line: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Refuse a text whose lists or block quotes nest deeper than `maxDepth`
 * before the parser sees it: micromark recurses once per level and its
 * time grows with the square of the depth, so 10,000 levels overflow the
 * stack after minutes of work.
 */
export function assertNestingWithin(file: SourceFile, maxDepth: number): void {
  const deepest = deepestNesting(file.text);
  if (deepest.depth <= maxDepth) return;

  throw new UsageError(
    `nests lists or block quotes up to ${deepest.depth} levels deep at line ` +
      `${deepest.line}; plan-audit reads at most ${maxDepth} levels`,
    file.path,
  );
}

/**
 * A cheap line scan that over-estimates, never under-estimates, the
 * container depth: every level is opened by a `>` or a list marker at
 * the start of some line, and every enclosing list level that a later
 * line continues costs it at least two columns of indentation.
 */
export function deepestNesting(text: string): Nesting {
  let deepest: Nesting = { depth: 0, line: 0 };
  let line = 1;
  let start = 0;

  while (start <= text.length) {
    const end = lineEnd(text, start);
    const depth = lineDepth(text, start, end);
    if (depth > deepest.depth) deepest = { depth, line };

    if (end >= text.length) break;
    start =
      text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF
        ? end + 2
        : end + 1;
    line++;
  }
  return deepest;
}

function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === LF || code === CR) return index;
  }
  return text.length;
}

/** Markers plus the indentation beyond one space per marker, halved. */
function lineDepth(text: string, start: number, end: number): number {
  let markers = 0;
  let spaces = 0;
  let index = start;

  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === SPACE) {
      spaces++;
      index++;
    } else if (code === TAB) {
      spaces += 4 - (spaces % 4);
      index++;
    } else if (code === 0x3e) {
      markers++;
      index++;
    } else {
      const after = listMarkerEnd(text, index, end);
      if (after === index) break;
      markers++;
      index = after;
    }
  }

  if (markers === 0 || isThematicBreak(text, start, end)) return 0;
  return markers + Math.floor(Math.max(0, spaces - markers) / 2);
}

/** Past a bullet or an ordered marker followed by a blank, or `from`. */
function listMarkerEnd(text: string, from: number, end: number): number {
  let index = from;
  const code = text.charCodeAt(index);

  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    index++;
  } else {
    while (index < end && index - from < 9 && isDigit(text.charCodeAt(index)))
      index++;
    const closer = text.charCodeAt(index);
    if (index === from || (closer !== 0x2e && closer !== 0x29)) return from;
    index++;
  }

  const next = text.charCodeAt(index);
  return index === end || next === SPACE || next === TAB ? index : from;
}

/** `- - -` or `* * *` alone on a line is a rule, not three lists. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  return /^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/.test(line);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Refuse a parsed tree deeper than `maxDepth` nodes. Inline formatting
 * (emphasis inside emphasis, images inside links) escapes the line scan
 * above, and the tree walkers that follow parsing recurse once per level.
 */
export function assertTreeDepthWithin(
  tree: Root,
  file: SourceFile,
  maxDepth: number,
): void {
  const stack: Array<{ node: Nodes; depth: number }> = [
    { node: tree, depth: 0 },
  ];

  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > maxDepth) {
      const line = node.position?.start.line ?? 0;
      throw new UsageError(
        `nests Markdown more than ${maxDepth} levels deep at line ${line}; ` +
          `plan-audit reads at most ${maxDepth} levels`,
        file.path,
      );
    }
    if ('children' in node) {
      for (const child of node.children)
        stack.push({ node: child, depth: depth + 1 });
    }
  }
}
