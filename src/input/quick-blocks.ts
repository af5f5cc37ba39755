/**
 * Paragraphs, tables and lists of plain words, and fenced code, read by a
 * line scan instead of micromark.
 *
 * micromark walks every character through its state machines and makes
 * events for every token, container and line, so plain words cost as
 * much as markup: a GFM table five to eight times as much per character
 * as a paragraph, because every cell gets its own inline tokenizer, and a
 * list item more than a paragraph line, for its container. Long plans are
 * mostly such plain blocks and code. For a block with no character that
 * could open an inline construct other than a code span, and for code
 * between fences, the tree is known without parsing it. So the parser is
 * given a placeholder of one short line in its place, and the nodes are
 * built here (quick-nodes.ts, quick-lists.ts). micromark's cost goes more
 * by lines and blocks than by characters, so the placeholder keeps
 * neither the block's lines nor its length: the lines and offsets of what
 * follows it are moved back by what it left out.
 *
 * Exactness is checked, not assumed. A placeholder has the block's shape
 * at the root (a paragraph, a one-item list with the same marker, or the
 * code's two fence lines) and must come back as exactly that on exactly
 * its lines, with no other node reaching into them. If a block sat where
 * the scan cannot see (in fenced code inside a list item, in HTML that
 * opens in a way the scan does not know), or a list went on beyond the
 * lines the scan saw (a loose list), the placeholder comes back as
 * something else, and the caller parses again without that block.
 */

import type { Nodes, Root, RootContent } from 'mdast';

import { listMarkerOf, listNode } from './quick-lists.js';
import {
  codeNode,
  paragraphNode,
  type Position,
  tableNode,
} from './quick-nodes.js';
import { findQuickBlocks, type QuickBlock } from './quick-scan.js';

/**
 * Find the quick blocks of a text (quick-scan.ts) and put placeholders in
 * their place. Blocks starting on a line of `leaveToParser` are left as
 * they are.
 */
export function setAsideQuickBlocks(
  text: string,
  leaveToParser: ReadonlySet<number> = new Set(),
): SetAside {
  const lines = text.split('\n');
  const starts = lineStarts(lines);
  const blocks = findQuickBlocks(lines, starts, leaveToParser);

  const end = {
    line: lines.length,
    column: lines[lines.length - 1].length + 1,
    offset: text.length,
  };
  return { ...withPlaceholders(lines, starts, blocks), blocks, end };
}

/** The text with placeholders where the blocks were, and the blocks. */
export interface SetAside {
  text: string;
  blocks: QuickBlock[];
  /** For each block, the 1-based first line of its placeholder in `text`. */
  placeholderLines: number[];
  /** For each 1-based line of `text`, its line in the original text. */
  originalLine: Int32Array;
  /**
   * For each 1-based line of `text`, how many characters the placeholders
   * before it left out: what its offsets lack.
   */
  shortfall: Int32Array;
  /** The end of the original text, where the root ends. */
  end: Position['end'];
}

function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/**
 * Each block becomes one line, or two for code: "x" for a paragraph or a
 * table, a paragraph that costs next to nothing to parse; "- x" with the
 * block's own marker for a list, so that the parser still tells whether
 * it goes on a list above it or is continued below it; the two fence
 * lines of code, without the code between them.
 */
function withPlaceholders(
  lines: string[],
  starts: number[],
  blocks: QuickBlock[],
): Omit<SetAside, 'blocks' | 'end'> {
  const kept: string[] = [];
  const originalLine: number[] = [0];
  const shortfall: number[] = [0];
  const placeholderLines: number[] = [];
  let keptLength = 0;
  let next = 0;

  const keep = (line: string, original: number) => {
    kept.push(line);
    originalLine.push(original);
    shortfall.push(starts[original - 1] - keptLength);
    keptLength += line.length + 1;
  };

  for (let index = 0; index < lines.length; index++) {
    const block = blocks[next];
    if (block === undefined || index + 1 < block.startLine) {
      keep(lines[index], index + 1);
      continue;
    }
    placeholderLines.push(kept.length + 1);
    for (const [line, original] of placeholderOf(block)) keep(line, original);
    index = block.endLine - 1;
    next++;
  }

  return {
    text: kept.join('\n'),
    placeholderLines,
    originalLine: Int32Array.from(originalLine),
    shortfall: Int32Array.from(shortfall),
  };
}

/** A block's placeholder lines, each with the original line it stands for. */
function placeholderOf(block: QuickBlock): [string, number][] {
  const first = block.rows[0].text;
  if (block.kind === 'code') {
    const last = block.rows[block.rows.length - 1].text;
    return [
      [first, block.startLine],
      [last, block.endLine],
    ];
  }
  if (block.kind === 'list')
    return [[`${listMarkerOf(first)} x`, block.startLine]];
  return [['x', block.startLine]];
}

/**
 * Put the blocks in the tree in place of their placeholders and give
 * every other node its offsets in the original text. Returns the first
 * lines of the blocks whose placeholder did not come back as itself at
 * the root over exactly the block's lines, or that another node reaches
 * into; when there are any, the tree is left half done and must be
 * parsed again without those blocks set aside.
 */
export function restoreQuickBlocks(tree: Root, aside: SetAside): number[] {
  const { blocks } = aside;
  const found = placeholderIndexes(tree, aside);
  const failed = blocks
    .filter((_, index) => found[index] === null)
    .map((block) => block.startLine);
  if (failed.length > 0) return failed;

  const placeholders = new Set(found as number[]);
  const reachedInto = moveToOriginal(tree, placeholders, aside);
  if (reachedInto.length > 0) return reachedInto;

  found.forEach((childIndex, blockIndex) => {
    tree.children[childIndex!] = nodeOf(blocks[blockIndex]);
  });
  tree.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: { ...aside.end },
  };
  return [];
}

/**
 * Where each block's placeholder is among the root's children, or null
 * for a block whose placeholder is not there as itself.
 */
function placeholderIndexes(tree: Root, aside: SetAside): (number | null)[] {
  const found: (number | null)[] = [];
  let child = 0;

  aside.blocks.forEach((block, index) => {
    const line = aside.placeholderLines[index];
    while (
      child < tree.children.length &&
      (tree.children[child].position?.start.line ?? 0) < line
    )
      child++;
    const node = tree.children[child];
    found.push(node && isPlaceholder(node, block, line) ? child : null);
  });
  return found;
}

function isPlaceholder(
  node: RootContent,
  block: QuickBlock,
  line: number,
): boolean {
  const position = node.position;
  const lastLine = block.kind === 'code' ? line + 1 : line;
  if (position?.start.line !== line || position.end.line !== lastLine)
    return false;

  if (block.kind === 'code') return node.type === 'code';
  if (block.kind === 'list')
    return node.type === 'list' && position.start.column === 1;
  return node.type === 'paragraph';
}

/**
 * Give every point below the root, placeholders aside, its line and
 * offset in the original text. Returns the first lines of the blocks
 * whose placeholder some other node reaches into.
 */
function moveToOriginal(
  tree: Root,
  placeholders: Set<number>,
  aside: SetAside,
): number[] {
  // For each line of the parsed text, the first line of the block whose
  // placeholder it is, or 0.
  const blockAt = new Int32Array(aside.originalLine.length);
  aside.blocks.forEach((block, index) => {
    const first = aside.placeholderLines[index];
    blockAt[first] = block.startLine;
    if (block.kind === 'code') blockAt[first + 1] = block.startLine;
  });
  const reachedInto = new Set<number>();

  const pending: Nodes[] = tree.children.filter(
    (_, index) => !placeholders.has(index),
  );
  while (pending.length > 0) {
    const node = pending.pop()!;
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (blockAt[point.line] !== 0) reachedInto.add(blockAt[point.line]);
        point.offset! += aside.shortfall[point.line];
        point.line = aside.originalLine[point.line];
      }
    }
    // A loop, not a spread: a list may have more items than a call takes
    // arguments.
    if ('children' in node)
      for (const child of node.children) pending.push(child);
  }
  return [...reachedInto];
}

function nodeOf(block: QuickBlock) {
  if (block.kind === 'paragraph')
    return paragraphNode(block.rows.map((row) => ({ row, from: 0 })));
  if (block.kind === 'list') return listNode(block.rows);
  if (block.kind === 'code') return codeNode(block.rows);

  // The delimiter row is part of the table but no row of it.
  const [head, delimiter, ...body] = block.rows;
  return tableNode(
    [head, ...body],
    block.align,
    body.length > 0 ? body[body.length - 1] : delimiter,
  );
}
