import type { GapItem } from '../model.js';
import { parseDecoratedTitle } from '../text/decorations.js';
import { normalizeTitle } from '../text/tokens.js';
import { renderTemplate, type StubValues } from './template.js';

export interface StubContext {
  /** Heading depth, 1 to 6. */
  depth: number;
  /** Where the item comes from, such as `gaps.md:48`. */
  origin: string;
}

/** The lines of the stub section for one item. */
export function renderStub(
  template: string,
  item: GapItem,
  context: StubContext,
): string[] {
  return renderTemplate(template, stubValues(item, context));
}

export function stubValues(item: GapItem, context: StubContext): StubValues {
  return {
    hashes: '#'.repeat(context.depth),
    heading: stubHeading(item),
    id: item.id ?? '',
    title: escapeHeadingText(item.title),
    estimate: item.estimate ?? '',
    priority: item.priority,
    label: item.id ? `${item.id} ${item.title}` : item.title,
    body: stubBody(item),
    origin: context.origin,
  };
}

/**
 * `Gap 8: Distributed Tracing (2 Hours)`: id, title and estimate as the
 * gap list gives them. The id stays out when the audit would not read it
 * back as one (a bare row number such as `1` would read as numbering), so
 * that the heading matches the item by its title instead.
 */
export function stubHeading(item: GapItem): string {
  const title = escapeHeadingText(item.title);
  const estimate = item.estimate ? ` (${item.estimate})` : '';
  const withId = item.id ? `${item.id}: ${title}` : title;

  return (readsBackAs(withId, item) ? withId : title) + estimate;
}

function readsBackAs(heading: string, item: GapItem): boolean {
  const parsed = parseDecoratedTitle(heading);
  return (
    (parsed.id ?? '').toLowerCase() === (item.id ?? '').toLowerCase() &&
    normalizeTitle(parsed.title) === normalizeTitle(item.title)
  );
}

/** A run of `#` at the end of a heading would be taken as its closing. */
function escapeHeadingText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\s)(#+)$/, '$1\\$2');
}

/**
 * The item's own fields. Below a heading they are Markdown already and are
 * kept as written (`**Missing**: ...`), without the blank lines and rules
 * that end them. Table rows and list items give plain text: each field
 * becomes a list item, without the line that only repeats the title.
 */
export function stubBody(item: GapItem): string {
  const lines = item.body.split(/\r\n|\r|\n/);

  if (item.source === 'id-heading' || item.source === 'template-heading') {
    return trimBlock(lines).join('\n');
  }
  return lines
    .map((line, index) =>
      index === 0 ? withoutTitle(line, item) : line.trim(),
    )
    .filter((line) => line !== '' && !/^[^:]*:$/.test(line))
    .filter((line) => normalizeTitle(line) !== normalizeTitle(item.title))
    .map((line) => `- ${escapeLineStart(line)}`)
    .join('\n');
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function trimBlock(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (
    end > start &&
    (lines[end - 1].trim() === '' || THEMATIC_BREAK.test(lines[end - 1]))
  )
    end--;
  return lines.slice(start, end);
}

/** "Rollback plan: who decides" → "who decides", for a bold lead-in item. */
function withoutTitle(line: string, item: GapItem): string {
  const text = line.trim();
  if (!text.toLowerCase().startsWith(item.title.toLowerCase())) return text;
  return text.slice(item.title.length).replace(/^[\s:.\-–—]+/, '');
}

/** Keep plain text plain: a leading `#`, `>`, `-` or `1.` would start a block. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^([#>+*=|`~<-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
