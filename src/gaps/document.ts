import type { Heading, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

import { parseMarkdown } from '../input/parse.js';
import type { Section, SourceFile } from '../model.js';
import { extractSections, sectionAt } from '../plan/sections.js';

/** A parsed gap list: its tree, its headings and their sections, aligned. */
export interface GapListDocument {
  file: SourceFile;
  tree: Root;
  headings: Heading[];
  sections: Section[];
  /** The file split into lines, for item bodies. */
  lines: string[];
}

export function readGapList(file: SourceFile): GapListDocument {
  const tree = parseMarkdown(file);

  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    headings.push(node);
  });

  return {
    file,
    tree,
    headings,
    sections: extractSections(tree, file.lines),
    lines: file.text.split(/\r\n|\r|\n/),
  };
}

/** The text of lines `from`..`to` (1-based, inclusive). */
export function linesBetween(
  document: GapListDocument,
  from: number,
  to: number,
): string {
  return document.lines.slice(from - 1, to).join('\n');
}

/**
 * The headings above a line, nearest first: the sections that hold it,
 * from the innermost out, without one that starts on the line itself.
 */
export function ancestorTitles(
  document: GapListDocument,
  line: number,
): string[] {
  const titles: string[] = [];
  // Sections nest: those holding a line are the innermost and its parents.
  let index = sectionAt(document.sections, line);

  while (index !== null) {
    const section = document.sections[index];
    if (section.startLine !== line) titles.push(section.title);
    index = section.parent;
  }
  return titles;
}

/**
 * True when the node's visible text is mostly struck through, or when it
 * opens with struck text that a note follows after a dash: in
 * "~~Drone NDVI imagery overlays~~ — cut at the workshop" the item is
 * struck and the rest says why.
 */
export function isStruckThrough(node: Nodes): boolean {
  let struck = 0;
  let total = 0;

  visit(node, 'text', (text, _index, parent) => {
    const length = text.value.trim().length;
    total += length;
    if (parent?.type === 'delete') struck += length;
  });
  if (total === 0) return false;
  return struck / total > 0.6 || opensStruckWithNote(node);
}

/** A note after struck text: a dash, then anything. */
const NOTE_AFTER = /^\s*[—–-]\s/;

function opensStruckWithNote(node: Nodes): boolean {
  if (!('children' in node)) return false;
  const [first, second] = node.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  );
  return (
    first?.type === 'delete' &&
    second?.type === 'text' &&
    NOTE_AFTER.test(second.value)
  );
}
