/**
 * The yardstick: unified + remark-parse + remark-gfm parse both files, and
 * nothing else. Run as its own process, like the CLI, so both pay for
 * starting Node and importing their modules.
 *
 *   node bench/baseline.mjs plan.md gaps.md
 */
import { readFileSync } from 'node:fs';

import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
for (const path of process.argv.slice(2)) {
  processor.parse(readFileSync(path, 'utf8'));
}
