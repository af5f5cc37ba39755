/**
 * Where a plan can be cut into pieces that parse the same alone as in the
 * whole document, found with a line scan instead of a parse.
 *
 * A cut goes before a level-1 ATX heading (`# Title`) in column 0: such a
 * line closes every open list, block quote, table and paragraph, so what
 * follows does not depend on what came before. The scan only has to know
 * whether the line is inside a fenced code block, an HTML block or front
 * matter, where `#` is just text. Whenever it cannot tell, it stops
 * cutting: fewer cuts only cost speed, a wrong cut would change the
 * outline.
 */

import {
  closesFence,
  type Fence,
  isFenceLine,
  opensFence,
} from '../input/fences.js';
import { endsHtml, type HtmlBlock, opensHtml } from '../input/html-blocks.js';

/** A line where a new piece may start. */
export interface Cut {
  /** Offset of the line's first character in the text. */
  offset: number;
  /** Its 1-based line number. */
  line: number;
}

const LEVEL_ONE_HEADING = /^#(?:[ \t]|$)/;
/**
 * A link or footnote definition: labels are shared by the whole document,
 * so a plan that has one is not cut at all.
 */
const DEFINITION =
  /^(?:\s*(?:>|[-*+]\s|\d{1,9}[.)]\s))*\s*\[(?:[^\]\\]|\\.)+\]:/;

/** Every safe cut of a document, in order; none for line 1. */
export function findCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  const lines = lineStarts(text);
  let fence: Fence | null = null;
  let html: HtmlBlock | null = null;
  let first = 0;

  if (/^(?:---|\+\+\+)[ \t]*$/.test(lineAt(text, lines, 0))) {
    first = frontMatterEnd(text, lines);
    if (first < 0) return [];
  }

  for (let index = first; index < lines.length; index++) {
    const line = lineAt(text, lines, index);
    if (DEFINITION.test(line)) return [];

    const blank = line.trim() === '';
    const indent = blank ? 0 : indentOf(line);
    const open = fence ?? html;
    if (open && open.indent > indent && !blank) return cuts;

    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }

    if (html) {
      if (html.end === 'blank' && isFenceLine(line)) return cuts;
      if (endsHtml(html, line, blank)) html = null;
      continue;
    }

    fence = opensFence(line);
    if (fence) continue;

    html = opensHtml(line);
    if (html) {
      if (endsHtml(html, line, false)) html = null;
      continue;
    }

    if (index > 0 && LEVEL_ONE_HEADING.test(line)) {
      cuts.push({ offset: lines[index], line: index + 1 });
    }
  }
  return cuts;
}

/** Offsets where lines start; CR LF, LF and a lone CR all end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      if (index + 1 < text.length) starts.push(index + 1);
    }
  }
  return starts;
}

function lineAt(text: string, starts: number[], index: number): string {
  const end = index + 1 < starts.length ? starts[index + 1] : text.length;
  return text.slice(starts[index], end).replace(/\r?\n$|\r$/, '');
}

function indentOf(line: string): number {
  let indent = 0;
  for (const char of line) {
    if (char === ' ') indent++;
    else if (char === '\t') indent += 4 - (indent % 4);
    else break;
  }
  return indent;
}

/** Index of the first line after closed front matter, or -1 if unclosed. */
function frontMatterEnd(text: string, starts: number[]): number {
  const marker = lineAt(text, starts, 0).trim();
  for (let index = 1; index < starts.length; index++) {
    if (lineAt(text, starts, index).trimEnd() === marker) return index + 1;
  }
  return -1;
}
