import type { Nodes } from 'mdast';

import type { GapItem, ItemSource, Priority } from '../model.js';
import { parseDecoratedTitle } from '../text/decorations.js';
import { plainText } from '../text/plain.js';
import {
  ancestorTitles,
  type GapListDocument,
  isStruckThrough,
} from './document.js';
import {
  priorityIn,
  priorityLine,
  priorityOfGroupHeading,
} from './priority.js';

/** Headings under which every item is to be taken out of the plan. */
export const REMOVAL_GROUP =
  /\b(remove|removals?|to be removed|not needed|drop|delete|cut|won[’']?t have|will not have|out of scope)\b/i;

/** A priority cell that asks for removal rather than ranking. */
const REMOVAL_CELL = /^\W*(remove|removal|drop|delete|cut|not needed)\b/i;

export interface ItemDraft {
  /** The raw title text, decorations and all. */
  raw: string;
  node: Nodes;
  line: number;
  source: ItemSource;
  body: string;
  /** A priority stated beside the item (a table's Priority column). */
  statedPriority?: string;
  /** An id given beside the item (a table's ID column). */
  statedId?: string;
}

/**
 * Turn a found item into a {@link GapItem}: split off its decorations and
 * settle its priority, from the item itself first, then from the nearest
 * heading above it that names one, else medium.
 */
export function buildItem(
  document: GapListDocument,
  draft: ItemDraft,
): GapItem {
  const decorated = parseDecoratedTitle(draft.raw);
  const ancestors = ancestorTitles(document, draft.line);

  const stated = statedPriorities(decorated.priorities, draft);
  const { priority, source } = settlePriority(stated, ancestors);

  return {
    id: draft.statedId?.trim() || decorated.id,
    title: decorated.title || plainText(draft.node),
    line: draft.line,
    priority,
    prioritySource: source,
    optional: decorated.optional,
    estimate: decorated.estimate,
    remove:
      decorated.remove ||
      REMOVAL_CELL.test(draft.statedPriority ?? '') ||
      isStruckThrough(draft.node) ||
      ancestors.some((title) => REMOVAL_GROUP.test(title)),
    source: draft.source,
    body: draft.body,
    statedPriorities: stated,
    number: decorated.numbering,
    alsoListedAt: [],
    seeAlso: decorated.seeAlso ?? seeAlsoInBody(draft.body),
  };
}

function statedPriorities(fromTitle: Priority[], draft: ItemDraft): Priority[] {
  const stated = [...fromTitle];

  const column = draft.statedPriority ? priorityIn(draft.statedPriority) : null;
  if (column) stated.push(column);

  const line = priorityLine(draft.body);
  if (line) stated.push(line);

  return stated;
}

function settlePriority(
  stated: Priority[],
  ancestors: string[],
): { priority: Priority; source: string } {
  if (stated.length > 0) return { priority: stated[0], source: 'item' };

  for (const title of ancestors) {
    const priority = priorityOfGroupHeading(title);
    if (priority) return { priority, source: `heading "${title}"` };
  }
  return { priority: 'medium', source: 'default' };
}

/** "Same as row 1" or "See Gap 4" said in an item's own text. */
function seeAlsoInBody(body: string): string | null {
  const match =
    /\b(?:same as|duplicate of|repeats|see)\s+(?:row|item)?\s*(?<target>(?:gap|req|item)?[\s-]?#?\d+(?:\.\d+)*)\b/i.exec(
      body,
    );
  return match?.groups?.target.trim() ?? null;
}
