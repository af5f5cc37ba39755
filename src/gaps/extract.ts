import type { List, ListItem, Nodes, Table } from 'mdast';
import { visit } from 'unist-util-visit';

import { UsageError } from '../errors.js';
import type { GapItem, ItemSource, SourceFile } from '../model.js';
import { isBoldHeading } from '../plan/blocks.js';
import { sectionAt } from '../plan/sections.js';
import { emojiPriorities, parseDecoratedTitle } from '../text/decorations.js';
import { plainText } from '../text/plain.js';
import { type GapListDocument, linesBetween, readGapList } from './document.js';
import { buildItem, type ItemDraft, REMOVAL_GROUP } from './item.js';
import { priorityOfGroupHeading } from './priority.js';

/** The items of a gap list and the way they were found. */
export interface Extraction {
  items: GapItem[];
  strategy: ItemSource;
}

interface Strategy {
  source: ItemSource;
  /** How the strategy finds items, for the "no items" message. */
  describes: string;
  find(document: GapListDocument): ItemDraft[];
  /**
   * May replace an earlier strategy's items when it finds all of them and
   * more (see includesAndMore).
   */
  outgrows?: boolean;
}

/**
 * Column headers that name the item a table row stands for, the surest
 * first: in "| Area | Gap | Severity |" the gap is the item and the area
 * groups it; a "Description" column names the item only when no other
 * column does.
 */
const ITEM_COLUMNS = [
  new RegExp(
    '^(?:gaps?|missing(?: \\w+)?|requirements?|items?|features?|' +
      'components?|capabilit(?:y|ies)|deliverables?|tasks?|what|' +
      'sections?|controls?|checks?)$',
    'i',
  ),
  /^(?:topics?|areas?|descriptions?|summary)$/i,
];

const PRIORITY_COLUMN = /^(priority|prio|severity|importance|level|moscow)$/i;
const ID_COLUMN = /^(id|#|no\.?|nr\.?|ref|key)$/i;

/**
 * Tried in this order; the first that finds anything wins, so a gap list
 * with `Gap N:` headings is never read as a template of its own headings.
 * The one exception is marked `outgrows`: bold questions replace list items
 * when they include them all and find more.
 */
const STRATEGIES: Strategy[] = [
  {
    source: 'id-heading',
    describes: 'headings with an id such as "Gap 8:" or "REQ-12"',
    find: findIdHeadings,
  },
  {
    source: 'table-row',
    describes:
      'table rows under a Component/Requirement/Gap/Item/Feature column',
    find: findTableRows,
  },
  {
    source: 'list-item',
    describes: 'list items under priority headings such as "## High priority"',
    find: findPriorityListItems,
  },
  {
    source: 'bold-heading',
    describes: 'bold pseudo-headings such as "**Rollback plan**"',
    find: findBoldHeadings,
    outgrows: true,
  },
  {
    source: 'list-item',
    describes: 'the items of a list that is the whole gap list',
    find: findWholeListItems,
  },
  {
    source: 'template-heading',
    describes: 'headings below the document title (a template)',
    find: findTemplateHeadings,
  },
];

/** Find the required items of a gap list; a list without any is an error. */
export function extractGapItems(file: SourceFile): Extraction {
  const document = readGapList(file);
  const found = STRATEGIES.map((strategy) => ({
    strategy,
    drafts: strategy.find(document),
  }));

  const first = found.findIndex((entry) => entry.drafts.length > 0);
  if (first >= 0) {
    const chosen = found
      .slice(first + 1)
      .reduce(
        (best, later) =>
          later.strategy.outgrows === true &&
          includesAndMore(later.drafts, best.drafts)
            ? later
            : best,
        found[first],
      );
    return {
      items: chosen.drafts.map((draft) => buildItem(document, draft)),
      strategy: chosen.strategy.source,
    };
  }

  const tried = STRATEGIES.map((strategy) => strategy.describes).join('; ');
  throw new UsageError(`no gap items found (looked for ${tried})`, file.path);
}

/**
 * True when a later way of reading the list finds every item an earlier
 * one found and more: bold questions in every group of a questionnaire
 * outweigh the plain list items of its one "Not needed" group.
 */
function includesAndMore(later: ItemDraft[], earlier: ItemDraft[]): boolean {
  const lines = new Set(later.map((draft) => draft.line));
  return (
    later.length > earlier.length &&
    earlier.every((draft) => lines.has(draft.line))
  );
}

/** Headings other than the title and the priority groups. */
function itemHeadings(document: GapListDocument): number[] {
  const titleIndex = documentTitleIndex(document) ?? loneTitleIndex(document);

  return document.sections
    .map((section) => section.index)
    .filter((index) => index !== titleIndex)
    .filter(
      (index) =>
        priorityOfGroupHeading(document.sections[index].title) === null,
    );
}

/**
 * Headings with ids, when they are the gap list's way of listing items:
 * at least half of the headings that could be items carry one.
 */
function findIdHeadings(document: GapListDocument): ItemDraft[] {
  const candidates = itemHeadings(document).filter(
    (index) => !isGroupOnly(document, index),
  );
  const withId = candidates.filter(
    (index) => parseDecoratedTitle(document.sections[index].title).id !== null,
  );
  if (withId.length * 2 < candidates.length) return [];

  return withId.map((index) => headingDraft(document, index, 'id-heading'));
}

function findTemplateHeadings(document: GapListDocument): ItemDraft[] {
  return itemHeadings(document)
    .filter((index) => !isGroupOnly(document, index))
    .map((index) => headingDraft(document, index, 'template-heading'));
}

/** A heading such as "## Remove" that only groups the items under it. */
function isGroupOnly(document: GapListDocument, index: number): boolean {
  const section = document.sections[index];
  // The title first: looking for children scans every heading.
  return (
    REMOVAL_GROUP.test(section.title) &&
    section.title.split(/\s+/).length <= 6 &&
    document.sections.some((other) => other.parent === index)
  );
}

function headingDraft(
  document: GapListDocument,
  index: number,
  source: ItemSource,
): ItemDraft {
  const section = document.sections[index];
  const bodyEnd = nextHeadingLine(document, index) - 1;

  return {
    raw: section.title,
    node: document.headings[index],
    line: section.startLine,
    source,
    body: linesBetween(document, section.startLine + 1, bodyEnd),
  };
}

/** An item's own body stops at the next heading of any level. */
function nextHeadingLine(document: GapListDocument, index: number): number {
  const next = document.sections[index + 1];
  return next ? next.startLine : document.file.lines + 1;
}

/**
 * The title is the first heading when it is the only one at its level;
 * a template whose sections are all `#` headings has no title.
 */
function documentTitleIndex(document: GapListDocument): number | null {
  const sections = document.sections;
  if (sections.length < 2) return null;

  const top = sections.reduce(
    (lowest, section) => Math.min(lowest, section.depth),
    Infinity,
  );
  const atTop = sections.filter((section) => section.depth === top);
  return atTop.length === 1 && atTop[0].index === 0 ? 0 : null;
}

/**
 * A lone `#` heading over a table or list names the list, whatever id it
 * seems to carry ("# NEPHRO-3 data capture: requirements" above a table
 * of requirements), so it is no item heading; a lone `### Gap 1: …` is
 * one. Its numbered lists still count as items (findPriorityListItems).
 */
function loneTitleIndex(document: GapListDocument): number | null {
  const [only, ...others] = document.sections;
  if (only === undefined || others.length > 0 || only.depth !== 1) return null;

  const listsItems = document.tree.children.some(
    (node) => node.type === 'table' || node.type === 'list',
  );
  return listsItems ? 0 : null;
}

function findTableRows(document: GapListDocument): ItemDraft[] {
  const drafts: ItemDraft[] = [];

  // Row by row, not spread into one call: a table may have more rows than
  // a call takes arguments.
  visit(document.tree, 'table', (table: Table) => {
    for (const draft of tableDrafts(table)) drafts.push(draft);
  });
  return drafts;
}

function itemColumnOf(header: string[]): number {
  for (const pattern of ITEM_COLUMNS) {
    const found = header.findIndex((name) => pattern.test(name.trim()));
    if (found >= 0) return found;
  }
  return -1;
}

function tableDrafts(table: Table): ItemDraft[] {
  const header = table.children[0]?.children.map((cell) =>
    plainText(cell).replace(/[*_`]/g, ''),
  );
  if (!header) return [];

  const itemColumn = itemColumnOf(header);
  if (itemColumn < 0) return [];
  const priorityColumn = header.findIndex((name) =>
    PRIORITY_COLUMN.test(name.trim()),
  );
  const idColumn = header.findIndex((name) => ID_COLUMN.test(name.trim()));

  return table.children.slice(1).flatMap((row) => {
    const cell = row.children[itemColumn];
    if (!cell || plainText(cell) === '') return [];

    const others = row.children.flatMap((other, index) =>
      index === itemColumn
        ? []
        : [`${header[index] ?? ''}: ${plainText(other)}`],
    );

    return [
      {
        raw: plainText(cell),
        node: cell,
        line: row.position?.start.line ?? 1,
        source: 'table-row' as const,
        body: others.join('\n'),
        statedPriority:
          priorityColumn >= 0
            ? plainText(row.children[priorityColumn] ?? cell)
            : undefined,
        statedId:
          idColumn >= 0 ? plainText(row.children[idColumn] ?? cell) : undefined,
      },
    ];
  });
}

/**
 * Top-level list items that stand for items: any list under a heading that
 * names a priority, asks for removal or says what is missing ("## Still
 * missing"), and numbered lists under any heading (a numbered list below
 * a heading is a list of things to do).
 */
function findPriorityListItems(document: GapListDocument): ItemDraft[] {
  const drafts: ItemDraft[] = [];

  visit(document.tree, 'list', (list: List, _index, parent) => {
    if (parent?.type === 'listItem') return;

    const line = list.position?.start.line ?? 1;
    const section = sectionAt(document.sections, line);
    if (section === null) return;

    const title = document.sections[section].title;
    const grouped =
      priorityOfGroupHeading(title) !== null ||
      REMOVAL_GROUP.test(title) ||
      namesTheGaps(title);
    if (!grouped && !(list.ordered && section !== documentTitleIndex(document)))
      return;

    for (const item of list.children) {
      if (item.checked === true) continue;
      drafts.push(listItemDraft(item));
    }
  });
  return drafts;
}

/** Headings that say the list under them is what is missing. */
const GAP_GROUP = new RegExp(
  "^(?:still |what is |what's )?" +
    '(?:missing|gaps|open gaps|open items|outstanding|to ?do)(?: items)?:?$',
  'i',
);

function namesTheGaps(title: string): boolean {
  return GAP_GROUP.test(parseDecoratedTitle(title).title.trim());
}

/**
 * The top-level list items of a gap list that has no headings but a
 * title: "# Launch checklist" over "- Rate limiting", or a bare list.
 * Ticked items are done.
 */
function findWholeListItems(document: GapListDocument): ItemDraft[] {
  const headings = document.sections.length;
  if (headings > 1 || (headings === 1 && loneTitleIndex(document) === null))
    return [];

  return document.tree.children
    .filter((node): node is List => node.type === 'list')
    .flatMap((list) => list.children)
    .filter((item) => item.checked !== true)
    .map(listItemDraft);
}

/**
 * A list item's title is its bold lead-in when it has one, else its first
 * clause; the rest is its body.
 */
function listItemDraft(item: ListItem): ItemDraft {
  const lead = item.children[0];
  const text = lead ? plainText(lead as Nodes) : '';
  const title = leadTitle(lead as Nodes | undefined, text);

  return {
    raw: title,
    node: lead ?? item,
    line: item.position?.start.line ?? 1,
    source: 'list-item',
    body: item.children.map((child) => plainText(child as Nodes)).join('\n'),
  };
}

function leadTitle(lead: Nodes | undefined, text: string): string {
  if (lead?.type === 'paragraph' && lead.children[0]?.type === 'strong') {
    return plainText(lead.children[0]);
  }
  // A full stop after a short abbreviation ("Art. 27", "e.g. Vault") does
  // not end the clause.
  const clause =
    /^(.+?)(?:\s+[—–]\s+|[:;]\s+|(?<!\b(?:Art|Sec|No|Nr|Fig|e\.g|i\.e|etc|vs|cf|approx))\.\s+|\s+-\s+|\.$)/.exec(
      text,
    );
  return clause ? clause[1] : text;
}

/**
 * A priority emoji after the bold question on its line
 * (`* **How are users authenticated?** 🔴`); words there are prose, not
 * markers, so only emoji count.
 */
function markerAfterBold(text: string, bold: string): string | undefined {
  const rest = text.slice(bold.length).split('\n')[0];
  return emojiPriorities(rest).length > 0 ? rest : undefined;
}

/** Bold labels of an item's fields, which are not items themselves. */
const FIELD_LABEL =
  /^(priority|prio|missing|impact|current state|current|status|effort|estimate|owner|why|notes?|reference|see|due|deadline|goal|risk|severity|description|details|what|fix|action|example|evidence|reviewer|comment)s?$/i;

/** Paragraphs and list items that open with bold text used as a heading. */
function findBoldHeadings(document: GapListDocument): ItemDraft[] {
  const drafts: ItemDraft[] = [];

  visit(document.tree, 'paragraph', (paragraph, _index, parent) => {
    if (!isBoldHeading(paragraph)) return;
    if (parent?.type === 'listItem' && parent.children[0] !== paragraph) return;

    const strong = paragraph.children[0];
    if (FIELD_LABEL.test(plainText(strong).replace(/:$/, '').trim())) return;
    const text = plainText(paragraph);
    drafts.push({
      raw: plainText(strong),
      node: strong,
      line: paragraph.position?.start.line ?? 1,
      source: 'bold-heading',
      body: text,
      statedPriority: markerAfterBold(text, plainText(strong)),
    });
  });

  // A handful of bold lead-ins in an otherwise headed template are emphasis,
  // not the items: only a list made mostly of them counts.
  return drafts.length > itemHeadings(document).length ? drafts : [];
}
