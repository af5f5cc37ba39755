import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The visible text of a node: link text without the URL, inline code
 * without backticks, images by their alt text, runs of white space folded.
 */
export function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: true }).replace(/\s+/g, ' ').trim();
}
