/**
 * Lists of plain words for quick blocks: which lines make one, and the
 * mdast micromark and mdast-util-from-markdown build for it.
 *
 * A list item here is a bullet (`-`, `*`, `+`) or a number with `.` or
 * `)`, one space, and plain words: after a task check box, struck
 * through as a whole (`~~words~~`), or as they are. Its words may go on
 * over lines indented to the item's content; a line indented to that
 * content that is an item opens a list inside the item. Blank lines may
 * stand between items, not inside one.
 */

import type { List, ListItem } from 'mdast';

import {
  paragraphNode,
  pointAt,
  type QuickRow,
  span,
  struckParagraph,
} from './quick-nodes.js';
import { BLANK, endsBlock, PLAIN_FIRST_WORDS, WORDS } from './quick-syntax.js';

/**
 * An item line: its indent, bullet or number and delimiter, one space,
 * then words after a check box, struck through, or as they are.
 */
const ITEM = new RegExp(
  '^( *)(?:([-*+])|(\\d{1,9})([.)])) ' +
    `(?:\\[([ xX])\\] ${PLAIN_FIRST_WORDS}|(~~)${PLAIN_FIRST_WORDS}~~|${WORDS})$`,
);

/** More words of the item above, indented to its content. */
const CONTINUATION = new RegExp(`^( +)${WORDS}$`);

/** One list item line, read. */
interface ItemLine {
  indent: number;
  /** The bullet, or the number with its delimiter. */
  marker: string;
  /** The bullet, or the number's delimiter: items of one list share it. */
  key: string;
  /** The number of an ordered item, or null. */
  number: number | null;
  /** Where the item's paragraph starts: after the marker and check box. */
  contentStart: number;
  /** Where text inside the item starts: after the marker and a space. */
  contentIndent: number;
  checked: boolean | null;
  struck: boolean;
}

function readItem(line: string): ItemLine | null {
  const match = ITEM.exec(line);
  if (match === null) return null;

  const [, spaces, bullet, digits, delimiter, check, struck] = match;
  const marker = bullet ?? `${digits}${delimiter}`;
  const contentIndent = spaces.length + marker.length + 1;
  return {
    indent: spaces.length,
    marker,
    key: bullet ?? delimiter,
    number: digits === undefined ? null : Number(digits),
    contentStart: contentIndent + (check === undefined ? 0 : 4),
    contentIndent,
    checked: check === undefined ? null : check !== ' ',
    struck: struck !== undefined,
  };
}

/** The marker (`-`, `1.`) of a line {@link endOfList} took for an item. */
export function listMarkerOf(line: string): string {
  return readItem(line)!.marker;
}

/** The key a list starting at this line would have, or null. */
export function listKeyAt(line: string): string | null {
  const item = readItem(line);
  return item?.indent === 0 ? item.key : null;
}

/**
 * The end of the list whose first item is line `start` (in column 0), or
 * null when the lines from there are no list this module builds, or a
 * list with the same key may be open above (`openList`).
 */
export function endOfList(
  lines: string[],
  start: number,
  openList: string | null,
): number | null {
  const first = readItem(lines[start]);
  if (first === null || first.indent !== 0 || first.key === openList)
    return null;

  const levels = [first];
  let end = start + 1;
  let blankBefore = false;
  for (let next = end; next < lines.length; next++) {
    const line = lines[next];
    if (BLANK.test(line)) {
      blankBefore = true;
      continue;
    }
    if (!fitsList(line, levels, blankBefore)) break;
    blankBefore = false;
    end = next + 1;
  }

  return endsBlock(lines, end) ? end : null;
}

/**
 * Whether a line goes on the list whose open items are `levels` (the
 * deepest last), which it updates: an item nested in the deepest one, an
 * item beside one of them, or more words of the deepest one.
 */
function fitsList(
  line: string,
  levels: ItemLine[],
  blankBefore: boolean,
): boolean {
  const deepest = levels[levels.length - 1];
  const item = readItem(line);

  if (item === null) {
    // Words after a blank line would be a second paragraph.
    const words = CONTINUATION.exec(line);
    return (
      words !== null &&
      !blankBefore &&
      !deepest.struck &&
      words[1].length === deepest.contentIndent
    );
  }

  if (item.indent === deepest.contentIndent) {
    // Only a list starting at 1 may interrupt the item's paragraph.
    if (item.number !== null && item.number !== 1 && !blankBefore) return false;
    levels.push(item);
    return true;
  }

  const level = levels.findIndex((open) => open.indent === item.indent);
  if (level < 0 || levels[level].key !== item.key) return false;
  levels.splice(level, levels.length - level, item);
  return true;
}

/** An open list while building: its node and its last item. */
interface OpenList {
  indent: number;
  node: List;
  item: ListItem;
  contentIndent: number;
}

/** An item's paragraph, made once all its lines are known. */
interface PendingParagraph {
  item: ListItem;
  line: ItemLine;
  parts: { row: QuickRow; from: number }[];
}

/**
 * The list over `rows`, which {@link endOfList} accepted. A blank line
 * before an item makes the item above spread when the new item is nested
 * in it, and else the list the new item joins, as mdast-util-from-markdown
 * has it.
 */
export function listNode(rows: QuickRow[]): List {
  const open: OpenList[] = [];
  const paragraphs: PendingParagraph[] = [];
  let blankBefore = false;

  for (const row of rows) {
    if (BLANK.test(row.text)) {
      blankBefore = true;
      continue;
    }

    const line = readItem(row.text);
    if (line === null) {
      // More words of the deepest item.
      const indent = row.text.length - row.text.trimStart().length;
      paragraphs[paragraphs.length - 1].parts.push({ row, from: indent });
    } else {
      const item = itemNode(row, line);
      addItem(open, row, line, item, blankBefore);
      paragraphs.push({
        item,
        line,
        parts: [{ row, from: line.contentStart }],
      });
    }
    blankBefore = false;

    // The row ends every open list and the last item of each.
    for (const list of open) {
      list.node.position!.end = pointAt(row, row.text.length);
      list.item.position!.end = pointAt(row, row.text.length);
    }
  }

  for (const { item, line, parts } of paragraphs)
    item.children.unshift(
      line.struck
        ? struckParagraph(parts[0].row, parts[0].from)
        : paragraphNode(parts),
    );
  return open[0].node;
}

/** Put an item in the list it belongs to, opening a nested one if need be. */
function addItem(
  open: OpenList[],
  row: QuickRow,
  line: ItemLine,
  item: ListItem,
  blankBefore: boolean,
): void {
  const deepest = open[open.length - 1];
  if (deepest === undefined || line.indent === deepest.contentIndent) {
    const node = emptyList(row, line);
    if (deepest) {
      deepest.item.children.push(node);
      if (blankBefore) deepest.item.spread = true;
    }
    open.push({ indent: line.indent, node, item, contentIndent: 0 });
  } else {
    while (open[open.length - 1].indent > line.indent) open.pop();
    if (blankBefore) open[open.length - 1].node.spread = true;
  }

  const list = open[open.length - 1];
  list.node.children.push(item);
  list.item = item;
  list.contentIndent = line.contentIndent;
}

function emptyList(row: QuickRow, line: ItemLine): List {
  return {
    type: 'list',
    ordered: line.number !== null,
    start: line.number,
    spread: false,
    children: [],
    position: span(row, line.indent, row.text.length),
  };
}

function itemNode(row: QuickRow, line: ItemLine): ListItem {
  return {
    type: 'listItem',
    spread: false,
    checked: line.checked,
    children: [],
    position: span(row, line.indent, row.text.length),
  };
}
