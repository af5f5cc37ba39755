import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

import type { SourceFile } from '../model.js';
import { DEFAULT_LIMITS } from './limits.js';
import { assertNestingWithin, assertTreeDepthWithin } from './nesting.js';
import { restoreQuickBlocks, setAsideQuickBlocks } from './quick-blocks.js';

const FRONT_MATTER = ['yaml', 'toml'] as const;

// The parts of GFM whose nodes the audit reads: tables, task list items,
// strikethrough, and footnotes (their definitions hold body text). Literal
// autolinks are left out: a bare URL as a link or as text has the same
// plain text, and recognising them costs a sixth of the parse.
const options = {
  extensions: [
    gfmTable(),
    gfmTaskListItem(),
    gfmStrikethrough(),
    gfmFootnote(),
    frontmatter([...FRONT_MATTER]),
  ],
  mdastExtensions: [
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    frontmatterFromMarkdown([...FRONT_MATTER]),
  ],
};

/**
 * Parse a file into mdast with positions (1-based lines of the file).
 * Text nested deeper than the parser, or the tree walkers after it, can
 * take is refused.
 */
export function parseMarkdown(file: SourceFile): Root {
  assertNestingWithin(file, DEFAULT_LIMITS.maxDepth);
  const tree = parseMarkdownText(file.text);

  assertTreeDepthWithin(tree, file, DEFAULT_LIMITS.maxTreeDepth);
  return tree;
}

/**
 * Parse Markdown text into mdast; lines count from 1 at its start. No
 * limits are checked: callers check them as {@link parseMarkdown} does.
 * Paragraphs, tables and lists of plain words are built by a line scan,
 * which gives the same tree for a fraction of micromark's cost (see
 * quick-blocks.ts). A block the scan misread is left to micromark on the
 * next try; after a second miss the whole text is.
 */
export function parseMarkdownText(text: string): Root {
  const leaveToParser = new Set<number>();

  for (let attempt = 0; attempt < QUICK_ATTEMPTS; attempt++) {
    const aside = setAsideQuickBlocks(text, leaveToParser);
    if (aside.blocks.length === 0) break;

    const tree = parseWithMicromark(aside.text);
    const misread = restoreQuickBlocks(tree, aside);
    if (misread.length === 0) return tree;
    for (const line of misread) leaveToParser.add(line);
  }
  return parseWithMicromark(text);
}

/**
 * Tries with quick blocks before the plain parse. The scan avoids the
 * misreads it can foresee (see quick-blocks.ts), so one retry, without
 * the blocks misread, nearly always does; a third would cost more than
 * the plain parse saves.
 */
const QUICK_ATTEMPTS = 2;

/** The parse with no shortcut: what the quick blocks must agree with. */
export function parseWithMicromark(text: string): Root {
  return fromMarkdown(text, options);
}
