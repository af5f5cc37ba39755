import type { PlanOutline, SourceFile } from '../model.js';
import { parseMarkdown } from '../input/parse.js';
import { extractBlocks } from './blocks.js';
import { extractSections } from './sections.js';

/** Parse a plan into its sections and body blocks. */
export function buildOutline(file: SourceFile): PlanOutline {
  const tree = parseMarkdown(file);
  const sections = extractSections(tree, file.lines);
  const blocks = extractBlocks(tree, sections);

  return { file, sections, blocks };
}
