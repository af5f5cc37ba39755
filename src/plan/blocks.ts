import type { ListItem, Nodes, Paragraph, Root, Table } from 'mdast';

import type { Block, BlockKind, Section } from '../model.js';
import { plainText } from '../text/plain.js';
import { normalizeTitle } from '../text/tokens.js';
import { sectionAt } from './sections.js';

/** Section titles under which lists and tables only point elsewhere. */
const TOC_TITLE = /\b(table of contents|contents|toc|index)\b/i;

const SUMMARY_TITLE =
  /\b(summary|overview|status|progress|tracker|checklist|scorecard|at a glance|recap|timeline|roadmap|contents|deliverables)\b/i;

/** A table whose rows became plain `table` blocks, with its first cells. */
export interface PlainTable {
  table: Table;
  leads: (string | null)[];
}

/**
 * The body text of a document as blocks: prose paragraphs, list items and
 * table rows, each with its line, its section and what kind of mention it
 * would be. Nested lists give one block per item. Tables whose rows became
 * plain `table` blocks are added to `plainTables` when it is given.
 */
export function extractBlocks(
  tree: Root,
  sections: Section[],
  plainTables?: PlainTable[],
): Block[] {
  const blocks: Block[] = [];
  const titles = new Set(
    sections.map((section) => normalizeTitle(section.title)),
  );

  const add = (kind: BlockKind, node: Nodes, text: string): void => {
    const line = node.position?.start.line ?? 1;
    const endLine = ownEndLine(node, line);
    if (text !== '')
      blocks.push({
        kind,
        line,
        endLine,
        text,
        section: sectionAt(sections, line),
      });
  };

  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
        add(paragraphKind(node), node, plainText(node));
        return;
      case 'listItem':
        add(listItemKind(node, sections), node, listItemText(node));
        for (const child of node.children)
          if (child.type === 'list') walk(child);
        return;
      case 'table': {
        const leads = tableLeads(node);
        const kind = tableKind(node, sections, titles, leads);
        const before = blocks.length;
        addTableRows(node, kind, add);
        if (kind === 'table' && blocks.length > before)
          plainTables?.push({ table: node, leads });
        return;
      }
      case 'heading':
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
        return;
      default:
        if ('children' in node)
          for (const child of node.children) walk(child as Nodes);
    }
  };

  walk(tree);
  return blocks;
}

/**
 * A paragraph that opens with bold text standing as a heading: the bold
 * part ends its line (emoji and punctuation aside), or is followed by a
 * colon or dash (`**Rollback plan**: ...`).
 */
export function isBoldHeading(node: Paragraph): boolean {
  const first = node.children[0];
  if (first?.type !== 'strong') return false;

  const rest = node.children
    .slice(1)
    .map((child) => (child.type === 'text' ? child.value : plainText(child)))
    .join('');
  const sameLine = rest.split('\n')[0];
  return (
    /^[\s\p{Extended_Pictographic}\u{FE0F}.?!]*$/u.test(sameLine) ||
    /^\s*[:—–-]/.test(rest)
  );
}

function paragraphKind(node: Paragraph): BlockKind {
  if (isBoldHeading(node)) return 'bold-heading';
  return isLinkLine(node) ? 'toc' : 'prose';
}

/**
 * A paragraph that is a row of links to headings of the same page
 * (`Contents: [Goals](#goals) · [Non-goals](#non-goals)`): a table of
 * contents written inline. Naming a section there is a reference, not a
 * mention. The words outside the links must be fewer than the links, so
 * a sentence with two anchors in it stays prose.
 */
function isLinkLine(node: Paragraph): boolean {
  const anchors = node.children.filter(
    (child) => child.type === 'link' && child.url.startsWith('#'),
  );
  if (anchors.length < 2) return false;

  const outside = node.children
    .filter((child) => child.type !== 'link')
    .map((child) => plainText(child))
    .join(' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return outside.length < anchors.length;
}

/** A list item's own lines end where its nested list begins. */
function ownEndLine(node: Nodes, line: number): number {
  if (node.type === 'listItem') {
    const own = node.children.filter((child) => child.type !== 'list');
    return own.at(-1)?.position?.end.line ?? line;
  }
  return node.position?.end.line ?? line;
}

function listItemText(item: ListItem): string {
  const own = item.children.filter((child) => child.type !== 'list');
  return own
    .map((child) => plainText(child))
    .join(' ')
    .trim();
}

function listItemKind(item: ListItem, sections: Section[]): BlockKind {
  if (item.checked === true || item.checked === false) return 'checklist';
  if (isTocEntry(item, sections)) return 'toc';

  const lead = item.children[0];
  if (lead?.type === 'paragraph' && isBoldHeading(lead)) return 'bold-heading';
  return 'list';
}

/** A list item that is just a link to a heading, or sits under "Contents". */
function isTocEntry(item: ListItem, sections: Section[]): boolean {
  const lead = item.children[0];
  const onlyLink =
    lead?.type === 'paragraph' &&
    lead.children.length === 1 &&
    lead.children[0].type === 'link' &&
    lead.children[0].url.startsWith('#');
  if (onlyLink) return true;

  const section = sectionAt(sections, item.position?.start.line ?? 1);
  return section !== null && TOC_TITLE.test(sections[section].title);
}

/** Column headings of a table that tracks progress rather than saying how. */
const STATUS_COLUMN = /^(status|progress)$/i;

/**
 * A table is a summary when its section says so, when one of its columns
 * is a status ("| Area | Status |": it tracks work, it does not do it), or
 * when at least two of its rows start with the title of a section of the
 * same document: then it repeats the outline rather than adding to it.
 */
function tableKind(
  table: Table,
  sections: Section[],
  titles: Set<string>,
  leads: (string | null)[],
): BlockKind {
  const section = sectionAt(sections, table.position?.start.line ?? 1);
  if (section !== null && SUMMARY_TITLE.test(sections[section].title)) {
    return 'summary-table';
  }
  if (hasStatusColumn(table)) return 'summary-table';

  return repeatsOutline(leads, titles) ? 'summary-table' : 'table';
}

function hasStatusColumn(table: Table): boolean {
  const header = table.children[0];
  return (header?.children ?? []).some((cell) =>
    STATUS_COLUMN.test(plainText(cell).trim()),
  );
}

/** The normalised first cell of each body row of a table (null: none). */
export function tableLeads(table: Table): (string | null)[] {
  return table.children.slice(1).map((row) => {
    const first = row.children[0];
    return first === undefined ? null : normalizeTitle(plainText(first));
  });
}

/** True when at least two rows start with a title of the document. */
export function repeatsOutline(
  leads: (string | null)[],
  titles: Set<string>,
): boolean {
  return leads.filter((lead) => lead !== null && titles.has(lead)).length >= 2;
}

function addTableRows(
  table: Table,
  kind: BlockKind,
  add: (kind: BlockKind, node: Nodes, text: string) => void,
): void {
  for (const row of table.children.slice(1)) {
    const text = row.children.map((cell) => plainText(cell)).join(' | ');
    add(kind, row, text);
  }
}
