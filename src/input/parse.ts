import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

import type { SourceFile } from '../model.js';

// Built once: creating a processor is cheap, but there is no reason to
// repeat it for every file.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml']);

/** Parse a file into mdast with positions (1-based lines of the file). */
export function parseMarkdown(file: SourceFile): Root {
  return processor.parse(file.text);
}
