import type { Heading, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

import { parseMarkdown } from '../input/parse.js';
import type { Section, SourceFile } from '../model.js';
import { extractSections } from '../plan/sections.js';

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

/** The headings above a line, nearest first. */
export function ancestorTitles(
  document: GapListDocument,
  line: number,
): string[] {
  const titles: string[] = [];
  let depthLimit = 7;

  for (let index = document.sections.length - 1; index >= 0; index--) {
    const section = document.sections[index];
    if (section.startLine > line || section.endLine < line) continue;
    if (section.startLine === line) continue;
    if (section.depth >= depthLimit) continue;

    titles.push(section.title);
    depthLimit = section.depth;
  }
  return titles;
}

/** True when the node's visible text is mostly struck through. */
export function isStruckThrough(node: Nodes): boolean {
  let struck = 0;
  let total = 0;

  visit(node, 'text', (text, _index, parent) => {
    const length = text.value.trim().length;
    total += length;
    if (parent?.type === 'delete') struck += length;
  });
  return total > 0 && struck / total > 0.6;
}
