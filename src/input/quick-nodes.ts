import type {
  AlignType,
  Code,
  List,
  ListItem,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'mdast';

/**
 * The mdast nodes micromark and mdast-util-from-markdown would build for
 * the plain blocks that quick-blocks.ts sets aside: the same node types,
 * fields and positions, checked against the parser by
 * test/input/quick-blocks.test.ts.
 */

/** Where a node is in the text, as mdast gives it. */
export type Position = NonNullable<Paragraph['position']>;
type Point = Position['start'];

/** One line of the original text. */
export interface QuickRow {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  offset: number;
  text: string;
}

/** The point before the 0-based `column` of a row. */
function pointAt(row: QuickRow, column: number): Point {
  return { line: row.line, column: column + 1, offset: row.offset + column };
}

/** The position of a row's columns `[from, to)`. */
function span(row: QuickRow, from: number, to: number): Position {
  return { start: pointAt(row, from), end: pointAt(row, to) };
}

/**
 * A plain paragraph: one text node holding the lines joined by line
 * feeds, spanning the same characters.
 */
export function paragraphNode(rows: QuickRow[]): Paragraph {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const position = (): Position => ({
    start: pointAt(first, 0),
    end: pointAt(last, last.text.length),
  });

  return {
    type: 'paragraph',
    children: [
      {
        type: 'text',
        value: rows.map((row) => row.text).join('\n'),
        position: position(),
      },
    ],
    position: position(),
  };
}

/**
 * A table from its header and body rows. It spans its delimiter row too
 * (`last`), even when no body row follows.
 */
export function tableNode(
  rows: QuickRow[],
  align: AlignType[],
  last: QuickRow,
): Table {
  return {
    type: 'table',
    align,
    children: rows.map(rowNode),
    position: {
      start: pointAt(rows[0], 0),
      end: pointAt(last, last.text.length),
    },
  };
}

/**
 * A row as mdast-util-gfm-table builds it: a cell runs from its opening
 * pipe to the next one, the last cell to the end of the line, and its
 * text node spans the cell's words without the spaces around them.
 */
function rowNode(row: QuickRow): TableRow {
  const pipes: number[] = [];
  for (let column = 0; column < row.text.length; column++)
    if (row.text[column] === '|') pipes.push(column);

  const cells: TableCell[] = [];
  for (let cell = 0; cell + 1 < pipes.length; cell++) {
    const last = cell + 2 === pipes.length;
    const from = pipes[cell];
    const to = last ? pipes[cell + 1] + 1 : pipes[cell + 1];
    cells.push(cellNode(row, from, to, pipes[cell + 1]));
  }

  return {
    type: 'tableRow',
    children: cells,
    position: span(row, 0, row.text.length),
  };
}

function cellNode(
  row: QuickRow,
  from: number,
  to: number,
  closingPipe: number,
): TableCell {
  const raw = row.text.slice(from + 1, closingPipe);
  const words = raw.replace(/^ +/, '');
  const value = words.replace(/ +$/, '');
  const textStart = from + 1 + (raw.length - words.length);

  return {
    type: 'tableCell',
    children:
      value === ''
        ? []
        : [
            {
              type: 'text',
              value,
              position: span(row, textStart, textStart + value.length),
            },
          ],
    position: span(row, from, to),
  };
}

/**
 * A list line's indent, its marker and one space, and the check box of a
 * task item with the space after it: what comes before the paragraph.
 */
const ITEM_PREFIX = /^( *)[-*+] (?:\[([ xX])\] )?/;

/**
 * A list of one-line items, nested two spaces a level, as quick blocks
 * reads them: each line opens an item; a line indented two spaces more
 * than the item before opens a list inside that item. A blank line before
 * an item makes the item above spread when the new item is nested in it,
 * and else the list the new item joins, as mdast-util-from-markdown has
 * it.
 */
export function listNode(rows: QuickRow[]): List {
  const top = emptyList(rows[0], 0);
  const open: { indent: number; list: List }[] = [{ indent: 0, list: top }];
  let blankBefore = false;

  for (const row of rows) {
    const prefix = ITEM_PREFIX.exec(row.text);
    if (prefix === null) {
      blankBefore = true;
      continue;
    }
    const indent = prefix[1].length;
    while (open[open.length - 1].indent > indent) open.pop();

    const parent = open[open.length - 1];
    if (parent.indent < indent) {
      const item = lastItem(parent.list);
      const nested = emptyList(row, indent);
      item.children.push(nested);
      if (blankBefore) item.spread = true;
      open.push({ indent, list: nested });
    } else if (blankBefore) parent.list.spread = true;

    open[open.length - 1].list.children.push(
      itemNode(row, indent, prefix[0].length, prefix[2]),
    );
    blankBefore = false;

    // The row ends every open list and the last item of each.
    for (const { list } of open) {
      list.position!.end = pointAt(row, row.text.length);
      lastItem(list).position!.end = pointAt(row, row.text.length);
    }
  }
  return top;
}

function lastItem(list: List): ListItem {
  return list.children[list.children.length - 1];
}

function emptyList(row: QuickRow, indent: number): List {
  return {
    type: 'list',
    ordered: false,
    start: null,
    spread: false,
    children: [],
    position: span(row, indent, row.text.length),
  };
}

/**
 * An item of a tight list. A task item's paragraph starts after its check
 * box, as mdast-util-gfm-task-list-item leaves it.
 */
function itemNode(
  row: QuickRow,
  indent: number,
  contentStart: number,
  check: string | undefined,
): ListItem {
  return {
    type: 'listItem',
    spread: false,
    checked: check === undefined ? null : check !== ' ',
    children: [itemParagraph(row, contentStart)],
    position: span(row, indent, row.text.length),
  };
}

/** Plain words, or plain words struck through (`~~words~~`). */
function itemParagraph(row: QuickRow, from: number): Paragraph {
  const to = row.text.length;
  if (!row.text.startsWith('~~', from)) {
    return {
      type: 'paragraph',
      children: [
        {
          type: 'text',
          value: row.text.slice(from),
          position: span(row, from, to),
        },
      ],
      position: span(row, from, to),
    };
  }

  return {
    type: 'paragraph',
    children: [
      {
        type: 'delete',
        children: [
          {
            type: 'text',
            value: row.text.slice(from + 2, to - 2),
            position: span(row, from + 2, to - 2),
          },
        ],
        position: span(row, from, to),
      },
    ],
    position: span(row, from, to),
  };
}

/**
 * Fenced code whose info string is a language name alone: the lines
 * between the fences, as they are.
 */
export function codeNode(rows: QuickRow[]): Code {
  const opening = rows[0];
  const closing = rows[rows.length - 1];
  const info = opening.text.replace(/^[`~]+/, '');

  return {
    type: 'code',
    lang: info === '' ? null : info,
    meta: null,
    value: rows
      .slice(1, -1)
      .map((row) => row.text)
      .join('\n'),
    position: {
      start: pointAt(opening, 0),
      end: pointAt(closing, closing.text.length),
    },
  };
}
