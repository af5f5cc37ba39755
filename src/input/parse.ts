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
 */
export function parseMarkdownText(text: string): Root {
  return fromMarkdown(text, options);
}
