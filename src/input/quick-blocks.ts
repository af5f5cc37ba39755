import type { AlignType, Nodes, Root, RootContent } from 'mdast';

import { endsHtml, type HtmlBlock, opensHtml } from './html-blocks.js';
import {
  endOfList,
  listKeyAt,
  listMarkerOf,
  listNode,
  openListAfter,
} from './quick-lists.js';
import {
  codeNode,
  paragraphNode,
  type Position,
  type QuickRow,
  tableNode,
} from './quick-nodes.js';
import {
  ATX_HEADING,
  BLANK,
  codeSpan,
  NOT_PLAIN,
  WORDS,
} from './quick-syntax.js';

/**
 * Paragraphs, tables and lists of plain words, and fenced code, read by a
 * line scan instead of micromark.
 *
 * micromark walks every character through its state machines and makes
 * events for every token, container and line, so plain words cost as much
 * as markup: a GFM table five to eight times as much per character as a
 * paragraph, because every cell gets its own inline tokenizer, and a list
 * item more than a paragraph line, for its container. Long plans are
 * mostly such plain blocks and code. For a block with no character that
 * could open an inline construct, and for code between fences, the tree is
 * known without parsing it, so the parser
 * is given a placeholder of one short line in its place, and the nodes are
 * built here (quick-nodes.ts). micromark's cost goes more by lines and
 * blocks than by characters, so the placeholder keeps neither the
 * block's lines nor its length: the lines and offsets of what follows it
 * are moved back by what it left out.
 *
 * Exactness is checked, not assumed. A placeholder has the block's shape
 * at the root (a paragraph, a one-item list with the same marker, or the
 * code's two fence lines) and must come back as exactly that on exactly
 * its lines, with no other node reaching into them. If a block sat where the scan cannot see
 * (in fenced code inside a list item, in an HTML comment, in front
 * matter), or a list went on beyond the lines the scan saw (a loose list),
 * the placeholder comes back as something else, and the caller parses the
 * original text as it is.
 */

/** A block the scan read, with everything its mdast node needs. */
export interface QuickBlock {
  kind: 'paragraph' | 'table' | 'list' | 'code';
  /** 1-based line of the first line. */
  startLine: number;
  /** 1-based line of the last line. */
  endLine: number;
  /** The block's lines. */
  rows: QuickRow[];
  /** Tables only: each column's alignment. */
  align: AlignType[];
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

/** A line of a plain paragraph. */
const PLAIN_LINE = new RegExp(`^${WORDS}$`);

/**
 * A table row: a line that starts and ends with a pipe and holds plain
 * characters and code spans with no pipe in them. Every pipe in it is
 * then a cell boundary, and a cell's text is what stands between two
 * pipes, spaces trimmed.
 */
const PLAIN_ROW = new RegExp(
  `^\\|(?:[^${NOT_PLAIN.replace('|', '')}]|${codeSpan('|')})*\\|$`,
);

/** A delimiter row: `| --- | :--: | --: |`. */
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;

/** An opening or closing code fence, as far as a line scan can tell. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Find the plain paragraphs, tables and lists of a text and put
 * placeholders in their place. Lines inside code fences are skipped;
 * anything else the scan gets wrong is caught by
 * {@link restoreQuickBlocks}.
 */
export function setAsideQuickBlocks(
  text: string,
  leaveToParser: ReadonlySet<number> = new Set(),
): SetAside {
  const lines = text.split('\n');
  const starts = lineStarts(lines);
  const blocks: QuickBlock[] = [];
  let fence: string | null = null;
  let html: HtmlBlock | null = null;
  let openList: string | null = null;

  for (let index = frontMatterEnd(lines); index < lines.length; index++) {
    const line = lines[index];
    if (html !== null) {
      if (endsHtml(html, line, BLANK.test(line))) html = null;
      continue;
    }

    const codeEnd = fence === null ? endOfCode(lines, index) : null;
    if (codeEnd !== null) {
      if (!leaveToParser.has(index + 1))
        blocks.push(blockOf(lines, starts, index, codeEnd));
      openList = null;
      index = codeEnd - 1;
      continue;
    }

    fence = fenceAfter(line, fence);
    if (fence !== null) continue;

    // Text in an HTML block is no Markdown, and leaving out a line of it
    // could leave out the line that ends the block.
    html = opensHtml(line);
    if (html !== null) {
      if (endsHtml(html, line, false)) html = null;
      continue;
    }

    const end = startsBlock(lines, index)
      ? (endOfTable(lines, index) ??
        endOfList(lines, index, openList) ??
        endOfParagraph(lines, index))
      : null;
    if (end === null) {
      openList = openListAfter(lines, index, openList, FENCE);
      continue;
    }

    if (!leaveToParser.has(index + 1))
      blocks.push(blockOf(lines, starts, index, end));
    openList = listKeyAt(lines[index]);
    index = end - 1;
  }

  const textEnd = {
    line: lines.length,
    column: lines[lines.length - 1].length + 1,
    offset: text.length,
  };
  return { ...withPlaceholders(lines, starts, blocks), blocks, end: textEnd };
}

/**
 * The index of the first line after front matter, or 0. Front matter is
 * text, not Markdown, even where it looks like a heading and a paragraph.
 */
function frontMatterEnd(lines: string[]): number {
  const fence = /^(?:---|\+\+\+)[ \t]*$/.exec(lines[0])?.[0].trimEnd();
  if (fence === undefined) return 0;
  const end = lines.findIndex(
    (line, index) => index > 0 && line.trimEnd() === fence,
  );
  return end < 0 ? 0 : end + 1;
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
 * The fence open after this line: a fence line opens one when none is
 * open and closes the open one when it uses the same character at least
 * as many times (the info string of a closing fence is not checked: a
 * wrong guess only skips a block, which micromark then reads).
 */
function fenceAfter(line: string, open: string | null): string | null {
  const marker = FENCE.exec(line)?.[1];
  if (marker === undefined) return open;
  if (open === null) return marker;
  return marker[0] === open[0] && marker.length >= open.length ? null : open;
}

/** Whether a block at the root can start on this line. */
function startsBlock(lines: string[], index: number): boolean {
  if (index === 0) return true;
  const before = lines[index - 1];
  return BLANK.test(before) || ATX_HEADING.test(before);
}

/**
 * Whether a block ending before line `end` ends there: the end of the
 * text, a blank line or a heading follow, so no lazy line, setext
 * underline or delimiter row can make the block go on or become another.
 */
function endsBlock(lines: string[], end: number): boolean {
  const after = lines[end];
  return after === undefined || BLANK.test(after) || ATX_HEADING.test(after);
}

/** The index after the last line of the run from `index` that fits. */
function endOfRun(lines: string[], index: number, fits: RegExp): number {
  let end = index;
  while (end < lines.length && fits.test(lines[end])) end++;
  return end;
}

/**
 * The end of the table whose header row is line `start`, or null when
 * there is none this scan can build: no delimiter row under the header,
 * a line after the rows that is not blank (the table would go on with
 * lines that are not plain rows), or a row with another number of cells
 * than the header (GFM then pads or drops cells, or makes no table).
 */
function endOfTable(lines: string[], start: number): number | null {
  if (!PLAIN_ROW.test(lines[start])) return null;
  if (!DELIMITER_ROW.test(lines[start + 1] ?? '')) return null;

  const end = endOfRun(lines, start, PLAIN_ROW);
  if (end < lines.length && !BLANK.test(lines[end])) return null;
  const width = cellsOf(lines[start]).length;
  for (let index = start + 1; index < end; index++)
    if (cellsOf(lines[index]).length !== width) return null;
  return end;
}

/**
 * An opening fence in column 0 whose info string is one word of plain
 * characters, a language name (micromark would decode escapes and
 * character references, and split off the rest as meta).
 */
const CODE_OPENING = /^(`{3,}|~{3,})[\w+#.-]*$/;

/**
 * The end of the fenced code whose opening fence is line `start`, or
 * null: the index after its closing fence, the first line of up to three
 * spaces, at least as many of the same fence characters, and blanks.
 * Code that is not closed, is closed by a fence with blanks after it, or
 * holds a carriage return or a NUL (which micromark rewrites) is left to
 * the parser.
 */
function endOfCode(lines: string[], start: number): number | null {
  const fence = CODE_OPENING.exec(lines[start])?.[1];
  if (fence === undefined) return null;
  const closing = new RegExp(`^ {0,3}${fence[0]}{${fence.length},}[ \\t]*$`);

  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (closing.test(line)) return /[ \t]$/.test(line) ? null : index + 1;
    if (/[\r\0]/.test(line)) return null;
  }
  return null;
}

/** The end of the plain paragraph whose first line is `start`, or null. */
function endOfParagraph(lines: string[], start: number): number | null {
  const end = endOfRun(lines, start, PLAIN_LINE);
  return end > start && endsBlock(lines, end) ? end : null;
}

/** The raw cells of a row: what stands between its pipes. */
function cellsOf(row: string): string[] {
  return row.slice(1, -1).split('|');
}

function alignOf(delimiter: string): AlignType {
  const cell = delimiter.trim();
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  if (left && right) return 'center';
  if (left) return 'left';
  return right ? 'right' : null;
}

/** The block over lines `[start, end)`, 0-based, of the kind it opens. */
function blockOf(
  lines: string[],
  starts: number[],
  start: number,
  end: number,
): QuickBlock {
  const rows: QuickRow[] = [];
  for (let index = start; index < end; index++)
    rows.push({ line: index + 1, offset: starts[index], text: lines[index] });

  const first = lines[start];
  const kind = CODE_OPENING.test(first)
    ? 'code'
    : first.startsWith('|')
      ? 'table'
      : listKeyAt(first) !== null
        ? 'list'
        : 'paragraph';
  const align = kind === 'table' ? cellsOf(lines[start + 1]).map(alignOf) : [];
  return { kind, startLine: start + 1, endLine: end, rows, align };
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
