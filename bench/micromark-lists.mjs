/**
 * Reproduction for upstream: micromark's parse time on a document of
 * headings, each followed by a list of 500 items where every third item
 * has two nested levels. Doubling the document should double the time;
 * with 4.0.3 it grows about fourfold per doubling (4.0.2 stays linear).
 *
 *   npm install micromark@4.0.3 && node micromark-lists.mjs 4.0.3
 *   npm install micromark@4.0.2 && node micromark-lists.mjs 4.0.2
 */
import { micromark } from 'micromark';

const version = process.argv[2] ?? 'installed';

function documentWith(lists) {
  let text = '';
  for (let list = 0; list < lists; list++) {
    text += `## Heading ${list}\n\n`;
    for (let item = 0; item < 500; item++) {
      text += `- item ${item} of list ${list} with some words in it\n`;
      if (item % 3 === 0) text += '  - nested item\n    - deeper item\n';
    }
    text += '\n';
  }
  return text;
}

for (const lists of [5, 10, 20]) {
  const input = documentWith(lists);
  const start = performance.now();
  micromark(input);
  const ms = Math.round(performance.now() - start);
  console.log(`micromark ${version}: ${lists * 500} list items in ${ms} ms`);
}
