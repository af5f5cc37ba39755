/**
 * Where the quick blocks of a text are (quick-blocks.ts): a line scan
 * that finds the plain paragraphs, tables and lists and the fenced code
 * whose mdast is known without parsing them.
 */

import type { AlignType } from 'mdast';

import { closesFence, type Fence, isFenceLine, opensFence } from './fences.js';
import { endsHtml, type HtmlBlock, opensHtml } from './html-blocks.js';
import { endOfList, listKeyAt } from './quick-lists.js';
import type { QuickRow } from './quick-nodes.js';
import {
  ATX_HEADING,
  BLANK,
  codeSpan,
  endsBlock,
  NOT_PLAIN,
  WORDS,
} from './quick-syntax.js';

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

/**
 * The quick blocks of a text split into lines (`starts` are their
 * offsets), in order. Front matter, fenced code that is no quick block
 * and HTML blocks are skipped; anything else the scan gets wrong is
 * caught after the parse (quick-blocks.ts). Blocks starting on a line of
 * `leaveToParser` are left out.
 */
export function findQuickBlocks(
  lines: string[],
  starts: number[],
  leaveToParser: ReadonlySet<number>,
): QuickBlock[] {
  const blocks: QuickBlock[] = [];
  let fence: Fence | null = null;
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
        blocks.push(
          blockOf(lines, starts, index, { kind: 'code', end: codeEnd }),
        );
      openList = null;
      index = codeEnd - 1;
      continue;
    }

    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = opensFence(line);
    if (fence !== null) continue;

    // Text in an HTML block is no Markdown, and leaving out a line of it
    // could leave out the line that ends the block.
    html = opensHtml(line);
    if (html !== null) {
      if (endsHtml(html, line, false)) html = null;
      continue;
    }

    const found: Found | null = startsBlock(lines, index)
      ? blockAt(lines, index, openList)
      : null;
    if (found === null) {
      openList = openListAfter(lines, index, openList);
      continue;
    }

    if (!leaveToParser.has(index + 1))
      blocks.push(blockOf(lines, starts, index, found));
    openList = found.kind === 'list' ? listKeyAt(line) : null;
    index = found.end - 1;
  }

  return blocks;
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

/** A quick block the scan found: its kind and the index after it. */
interface Found {
  kind: QuickBlock['kind'];
  end: number;
}

/**
 * The table, list or paragraph starting at line `index`, if it is one
 * quick blocks build; the list not if a list with its key may be open
 * above (`openList`).
 */
function blockAt(
  lines: string[],
  index: number,
  openList: string | null,
): Found | null {
  const table = endOfTable(lines, index);
  if (table !== null) return { kind: 'table', end: table };
  const list = endOfList(lines, index, openList);
  if (list !== null) return { kind: 'list', end: list };
  const paragraph = endOfParagraph(lines, index);
  return paragraph === null ? null : { kind: 'paragraph', end: paragraph };
}

/** The key of a list item in column 0, whatever its words. */
const ROOT_ITEM = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)/;

/**
 * The key of the list at the root that may still be open after line
 * `index` (its bullet, or its numbers' delimiter), or null when none can
 * be. A list item in column 0 opens one; a heading or fence in column 0
 * closes it, and so does any other line in column 0 after a blank line
 * (only a paragraph's own lines go on a list item lazily). A list
 * placeholder after a list with the same key would join it, and the block
 * would have to be parsed again.
 */
function openListAfter(
  lines: string[],
  index: number,
  open: string | null,
): string | null {
  const line = lines[index];
  const item = ROOT_ITEM.exec(line);
  if (item) return item[1] ?? item[2];
  if (line === '' || /^[ \t]/.test(line)) return open;
  if (ATX_HEADING.test(line) || isFenceLine(line)) return null;
  return index > 0 && BLANK.test(lines[index - 1]) ? null : open;
}

/** Whether a block at the root can start on this line. */
function startsBlock(lines: string[], index: number): boolean {
  if (index === 0) return true;
  const before = lines[index - 1];
  return BLANK.test(before) || ATX_HEADING.test(before);
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

/** The block found at line `start` (0-based), with its lines. */
function blockOf(
  lines: string[],
  starts: number[],
  start: number,
  { kind, end }: Found,
): QuickBlock {
  const rows: QuickRow[] = [];
  for (let index = start; index < end; index++)
    rows.push({ line: index + 1, offset: starts[index], text: lines[index] });

  const align = kind === 'table' ? cellsOf(lines[start + 1]).map(alignOf) : [];
  return { kind, startLine: start + 1, endLine: end, rows, align };
}
