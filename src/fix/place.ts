import type { Root } from 'mdast';

import type { Judgement, PlanOutline, Section } from '../model.js';

/** Where a stub goes and how deep its heading is. */
export interface Placement {
  /** Insert after this line of the plan. */
  afterLine: number;
  depth: number;
  /** The line the audit suggested, when a block made us move past it. */
  movedFrom: number | null;
}

/** Stubs for a plan without headings start at this depth. */
const DEFAULT_DEPTH = 2;

/**
 * Place a missing item's stub where the audit suggests, at the depth of
 * the section it follows. A line inside a block (code, list, table, quote,
 * HTML, a paragraph) is never split: the stub moves to just after the
 * block.
 */
export function placeStub(
  judgement: Judgement,
  outline: PlanOutline,
  tree: Root,
): Placement {
  const suggested = judgement.suggestion?.afterLine ?? outline.file.lines;
  // A block left open at the end of the file ends past its last line.
  const afterLine = Math.min(
    lineAfterBlocks(tree, suggested),
    outline.file.lines,
  );
  const near = judgement.suggestion?.near.startLine;

  return {
    afterLine,
    depth: depthNear(outline.sections, near),
    movedFrom: afterLine === suggested ? null : suggested,
  };
}

/**
 * The first line at or after `line` after which a new block may start:
 * never between the first and last line of a top-level block. Headings
 * nested in lists or quotes end sections too, so their neighbours can
 * fall inside such a block.
 */
export function lineAfterBlocks(tree: Root, line: number): number {
  let safe = line;
  for (const node of tree.children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) continue;
    if (start <= safe && safe < end) safe = end;
  }
  return safe;
}

/**
 * The depth of the section the stub follows. A document title (the only
 * heading at the top level) is followed by its last part rather than by a
 * second title, so the stub takes the depth of the title's subsections.
 */
function depthNear(sections: Section[], startLine: number | undefined): number {
  const section = sections.find(
    (candidate) => candidate.startLine === startLine,
  );
  if (!section) return sections.at(-1)?.depth ?? DEFAULT_DEPTH;

  const peers = sections.filter((other) => other.depth <= section.depth);
  if (section.parent !== null || peers.length > 1) return section.depth;

  const child = sections.find((other) => other.parent === section.index);
  return Math.min(6, child ? child.depth : section.depth + 1);
}
