import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

import type { SourceFile } from '../model.js';
import { DEFAULT_LIMITS } from './limits.js';
import { assertNestingWithin, assertTreeDepthWithin } from './nesting.js';

// Built once: creating a processor is cheap, but there is no reason to
// repeat it for every file.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Parse a file into mdast with positions (1-based lines of the file).
 * Text nested deeper than the parser, or the tree walkers after it, can
 * take is refused.
 */
export function parseMarkdown(file: SourceFile): Root {
  assertNestingWithin(file, DEFAULT_LIMITS.maxDepth);
  const tree = processor.parse(file.text);

  assertTreeDepthWithin(tree, file, DEFAULT_LIMITS.maxTreeDepth);
  return tree;
}
