import type { Heading, Nodes, Root } from 'mdast';

import type { Section } from '../model.js';
import { plainText } from '../text/plain.js';

/**
 * Every real heading of a document as a section with its line range.
 *
 * remark only makes heading nodes for real headings, so `#` lines inside
 * code, HTML or front matter never get here. A section ends on the line
 * before the next heading of the same or a higher level (or the last line).
 */
export function extractSections(tree: Root, lastLine: number): Section[] {
  const headings: Heading[] = [];
  collectHeadings(tree, headings);

  const sections = headings.map((heading, index) => ({
    index,
    title: plainText(heading),
    depth: heading.depth,
    startLine: heading.position?.start.line ?? 1,
    endLine: lastLine,
    parent: null as number | null,
  }));

  assignEndsAndParents(sections);
  return sections;
}

/**
 * Headings in document order. Paragraphs, headings and tables hold only
 * inline text, never a heading, so the walk skips them: they are most of
 * a large plan's nodes.
 */
function collectHeadings(node: Nodes, headings: Heading[]): void {
  if (node.type === 'heading') {
    headings.push(node);
    return;
  }
  if (node.type === 'paragraph' || node.type === 'table') return;
  if ('children' in node)
    for (const child of node.children) collectHeadings(child, headings);
}

/**
 * One pass with a stack of open sections: a heading closes every open
 * section at its level or deeper, and its parent is what stays open.
 */
function assignEndsAndParents(sections: Section[]): void {
  const open: Section[] = [];

  for (const section of sections) {
    while (open.length > 0 && open[open.length - 1].depth >= section.depth) {
      const closed = open.pop() as Section;
      closed.endLine = Math.max(closed.startLine, section.startLine - 1);
    }

    section.parent = open.length > 0 ? open[open.length - 1].index : null;
    open.push(section);
  }
}

/**
 * The innermost section holding a line, or null before the first heading.
 * Sections nest, so the last one starting at or before the line that has
 * not ended yet is the innermost.
 */
export function sectionAt(sections: Section[], line: number): number | null {
  let low = 0;
  let high = sections.length - 1;
  let candidate = -1;

  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sections[middle].startLine <= line) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }

  let index: number | null = candidate >= 0 ? candidate : null;
  while (index !== null && sections[index].endLine < line) {
    index = sections[index].parent;
  }
  return index;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(
  sections: Section[],
  inner: number,
  outer: number,
): boolean {
  let index: number | null = inner;
  while (index !== null) {
    if (index === outer) return true;
    index = sections[index].parent;
  }
  return false;
}
