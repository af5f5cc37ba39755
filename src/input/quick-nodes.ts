/**
 * The mdast nodes micromark and mdast-util-from-markdown would build for
 * the plain blocks that quick-blocks.ts sets aside: the same node types,
 * fields and positions, checked against the parser by
 * test/input/quick-blocks.test.ts.
 */

import type {
  AlignType,
  Code,
  InlineCode,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';

/** Where a node is in the text, as mdast gives it. */
export type Position = NonNullable<Paragraph['position']>;
export type Point = Position['start'];

/** One line of the original text. */
export interface QuickRow {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  offset: number;
  text: string;
}

/** The point before the 0-based `column` of a row. */
export function pointAt(row: QuickRow, column: number): Point {
  return { line: row.line, column: column + 1, offset: row.offset + column };
}

/** The position of a row's columns `[from, to)`. */
export function span(row: QuickRow, from: number, to: number): Position {
  return { start: pointAt(row, from), end: pointAt(row, to) };
}

/**
 * The text and code spans of a row's columns `[from, to)`, which quick
 * blocks has checked to hold nothing else: each code span between single
 * backticks, the text between them as it is.
 */
function inlineNodes(
  row: QuickRow,
  from: number,
  to: number,
): (Text | InlineCode)[] {
  const nodes: (Text | InlineCode)[] = [];
  let textStart = from;

  for (let column = from; column < to; column++) {
    if (row.text[column] !== '`') continue;
    const close = row.text.indexOf('`', column + 1);
    if (column > textStart) nodes.push(textNode(row, textStart, column));
    nodes.push({
      type: 'inlineCode',
      value: row.text.slice(column + 1, close),
      position: span(row, column, close + 1),
    });
    column = close;
    textStart = close + 1;
  }

  if (to > textStart) nodes.push(textNode(row, textStart, to));
  return nodes;
}

function textNode(row: QuickRow, from: number, to: number): Text {
  return {
    type: 'text',
    value: row.text.slice(from, to),
    position: span(row, from, to),
  };
}

/**
 * A plain paragraph: the text and code spans of its lines, each from the
 * column where its words start. A line ending is text too, so the text
 * from one code span to the next is one node.
 */
export function paragraphNode(
  lines: { row: QuickRow; from: number }[],
): Paragraph {
  const children: (Text | InlineCode)[] = [];

  lines.forEach(({ row, from }, index) => {
    if (index > 0) {
      const before = lines[index - 1].row;
      // The line ending ends where the next line starts; that line's
      // indent belongs to no node.
      const lineEnd = pointAt(before, before.text.length);
      appendText(children, '\n', lineEnd, pointAt(row, 0));
    }
    for (const node of inlineNodes(row, from, row.text.length)) {
      if (node.type === 'inlineCode') children.push(node);
      else
        appendText(
          children,
          node.value,
          node.position!.start,
          node.position!.end,
        );
    }
  });

  const first = lines[0];
  const last = lines[lines.length - 1].row;
  return {
    type: 'paragraph',
    children,
    position: {
      start: pointAt(first.row, first.from),
      end: pointAt(last, last.text.length),
    },
  };
}

/** A one-line paragraph struck through as a whole: `~~words~~`. */
export function struckParagraph(row: QuickRow, from: number): Paragraph {
  const to = row.text.length;
  return {
    type: 'paragraph',
    children: [
      {
        type: 'delete',
        children: inlineNodes(row, from + 2, to - 2),
        position: span(row, from, to),
      },
    ],
    position: span(row, from, to),
  };
}

/** Text at the end of a paragraph goes on the text node there, if any. */
function appendText(
  children: (Text | InlineCode)[],
  value: string,
  start: Point,
  end: Point,
): void {
  const last = children[children.length - 1];
  if (last?.type === 'text') {
    last.value += value;
    last.position!.end = end;
  } else {
    children.push({ type: 'text', value, position: { start, end } });
  }
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
    children: inlineNodes(row, textStart, textStart + value.length),
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
