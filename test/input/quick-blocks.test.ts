import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { generatePlan } from '../../bench/generate.mjs';
import {
  parseMarkdownText,
  parseWithMicromark,
} from '../../src/input/parse.js';
import {
  restoreQuickBlocks,
  setAsideQuickBlocks,
} from '../../src/input/quick-blocks.js';
import { md } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every Markdown file of the fixtures and the corpus, as [name, text]. */
function realDocuments(): [string, string][] {
  const files: string[] = [];
  for (const name of readdirSync(join(ROOT, 'fixtures')))
    if (name.endsWith('.md')) files.push(join('fixtures', name));
  for (const split of ['dev', 'holdout']) {
    const folder = join('test', 'corpus', split);
    for (const pair of readdirSync(join(ROOT, folder)))
      files.push(join(folder, pair, 'plan.md'), join(folder, pair, 'gaps.md'));
  }
  return files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]);
}

/** How many blocks the scan sets aside and how many survive the check. */
function quickCount(text: string): number {
  const aside = setAsideQuickBlocks(text);
  const tree = parseWithMicromark(aside.text);
  return restoreQuickBlocks(tree, aside).length === 0 ? aside.blocks.length : 0;
}

describe('quick blocks', () => {
  const documents = realDocuments();

  it.each(documents)('give the tree micromark gives for %s', (_, text) => {
    expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
  });

  it('take a real share of the blocks of real documents', () => {
    const total = documents.reduce(
      (sum, [, text]) => sum + quickCount(text),
      0,
    );
    // Over a hundred documents: plain paragraphs and tables are common.
    expect(total).toBeGreaterThan(1000);
  });

  it('give the tree micromark gives for a generated benchmark plan', () => {
    const text = generatePlan(3_000).text;
    expect(quickCount(text)).toBeGreaterThan(150);
    expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
  });

  it.each([
    ['a paragraph after a heading', '# Title\nplain words here\n', 1],
    ['a paragraph ended by a heading', 'plain words\n## Next\n', 1],
    ['two lines of one paragraph', 'first line\nsecond line\n\nthird\n', 2],
    ['a one-letter line', 'a\n', 1],
    ['a table of plain cells', '| A | B |\n| :-- | --: |\n| x | y |\n', 1],
    ['a table with empty cells', '| A | B |\n| --- | --- |\n|  | y |\n', 1],
    ['emphasis', 'plain and *not* plain\n', 0],
    ['a trailing space (a hard break)', 'first  \nsecond\n', 0],
    ['an indented line', 'first\n   second\n', 0],
    ['a pipe (maybe a table head)', 'a | b\n--- | ---\n', 0],
    ['a setext underline after it', 'Title\n=====\n', 0],
    ['a list after it', 'words\n- item\n', 0],
    ['a one-item ordered list', '1. item\n', 1],
    ['a table followed by text', '| A |\n| --- |\n| x |\nmore\n', 0],
    ['a table with a short row', '| A | B |\n| --- | --- |\n| x |\n', 0],
    ['a table after a paragraph line', 'words\n| A |\n| --- |\n', 0],
    ['a tight list', '- one\n- two\n\nafter\n', 2],
    ['a nested list', '- one\n  - two\n    - three\n  - four\n- five\n', 1],
    ['a task list', '- [ ] open\n- [x] done\n  - [X] also done\n', 1],
    ['struck-through items', '* ~~gone~~\n* kept\n  * ~~a b.~~\n', 1],
    ['an item with emphasis', '- plain\n- *not* plain\n', 0],
    ['a list with two markers', '- one\n* two\n', 0],
    ['an item three spaces deeper', '- one\n   - two\n', 0],
    ['an item two levels deeper', '- one\n    - two\n', 0],
    ['a lazy line after a list', '- one\nlazy\n', 0],
    ['an item with two spaces after its marker', '-  one\n', 0],
    ['a list with blank lines', '- one\n\n- two\n  - a\n\n  - b\n', 1],
    ['a blank line before a nested item', '- one\n\n  - two\n- three\n', 1],
    ['a blank line after a nested item', '- one\n  - two\n\n- three\n', 1],
    ['a list whose item goes on after a blank', '- one\n\n  more\n', 0],
    ['a list that goes on with a loose item', '- one\n\n- two\n\n  more\n', 0],
    ['a list after a list of another marker', '* one\n\n- two\n', 2],
    ['a list after a list of the same marker', '- *one*\n\n- two\n', 0],
    ['a list after a lazy line of a list', '- *one*\nlazy\n\n- two\n', 0],
    ['a list after a paragraph after a list', '- *one*\n\nwords\n\n- two\n', 2],
    ['code spans in a paragraph', 'run `a | b` and\n`c`\nthen `d`\n', 1],
    ['code spans in list items', '- `a` b\n  - ~~c `d`~~\n- [ ] e `f`\n', 1],
    [
      'code spans in table cells',
      '| `a` | b `c` d |\n| --- | --- |\n| `e` | |\n',
      1,
    ],
    ['a pipe in a code span in a table', '| `a|b` |\n| --- |\n', 0],
    ['two code spans side by side', 'a `b``c` d\n', 0],
    ['a code span with a space inside', 'a ` b` c\n', 0],
    ['a code span of two backticks', 'a ``b`` c\n', 0],
    ['a code span that is not closed', 'a `b c\n', 0],
    ['a task whose words start with code', '- [ ] `a` b\n', 0],
    [
      'lines that start with a digit or a bracket',
      'a\n24 hours (or\n(more)\n',
      1,
    ],
    ['a line that starts an ordered list', 'a\n1. b\n', 0],
    ['a line that is a setext underline', 'a\n===\n', 0],
    ['an ordered list', '1. a\n2. b\n   1. c\n10. d\n    - e\n', 1],
    ['an ordered list with parentheses', '3) a\n4) b\n', 1],
    ['a nested ordered list not starting at 1', '1. a\n   2. b\n', 0],
    ['the same after a blank line', '1. a\n\n   2. b\n', 1],
    [
      'an ordered list after one with the same delimiter',
      '1. *a*\n\n2. b\n',
      0,
    ],
    ['item words over two lines', '- a\n  b `c`\n  - d\n    e\n- f\n', 1],
    ['a lazy line in an item', '- a\nb\n', 0],
    ['an item line indented too far', '- a\n   b\n', 0],
    ['a second paragraph in an item', '- a\n\n  b\n', 0],
    ['an HTML comment ending on a plain line', '<!--\n# x\n(a) -->\n\nb\n', 1],
    ['fenced code', '```bash\n# not a heading\n\techo | *a*\n```\n', 1],
    ['code right after a paragraph line', 'words:\n~~~\n- a\n~~~\nmore\n', 1],
    ['code closed by a longer, indented fence', '````\n```\n   `````\n', 1],
    ['empty code', '```ts\n```\n', 1],
    ['code closed by a fence with an info string', '```\n``` js\n```\n', 1],
    ['code with a meta string', '```js title="a"\nx\n```\n', 0],
    ['code that is not closed', '```\nx\n', 0],
    ['text after a backtick line with a backtick in it', '```a`b\n\nc\n', 1],
    ['code closed by a fence and spaces', '```\nx\n```  \n', 0],
    ['code in a list item', '- a\n\n  ```\n  x\n  ```\n', 0],
    [
      'front matter that looks like Markdown',
      '---\n# a: b\nc: d\n---\n\nwords\n',
      1,
    ],
    ['a struck-through task', '- [ ] ~~gone~~\n', 0],
  ])('%s', (_, text, expected) => {
    expect(quickCount(text)).toBe(expected);
    expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
  });

  it.each([
    [
      'in an HTML comment',
      md`
        <!--

        plain words in a comment

        -->
      `,
    ],
    [
      'in front matter',
      md`
        ---
        title: x

        plain
        ---
      `,
    ],
    [
      'in a fence the scan misreads',
      md`
        - item

              \`\`\`
        plain

        | A |
        | --- |
      `,
    ],
    [
      'in a pre block',
      md`
        <pre>

        words

        | A |
        | --- |
        | x |

        </pre>
      `,
    ],
  ])('fall back to a whole parse when a block sits %s', (_, text) => {
    expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
  });

  it('give the tree micromark gives for random nested lists', () => {
    let taken = 0;
    fc.assert(
      fc.property(randomList, (text) => {
        taken += quickCount(text) > 0 ? 1 : 0;
        expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
      }),
      { numRuns: 1000 },
    );
    // Most of them are lists quick blocks take, not ones left to micromark.
    expect(taken).toBeGreaterThan(500);
  });

  it('give the tree micromark gives for random documents', () => {
    fc.assert(
      fc.property(randomDocument, (text) => {
        expect(parseMarkdownText(text)).toEqual(parseWithMicromark(text));
      }),
      { numRuns: 1000 },
    );
  });
});

// No "[x]" among them: after an empty list item ("-\n[x] a") the
// development build of mdast-util-gfm-task-list-item fails an assertion
// of its own, with or without quick blocks. Check boxes come from the
// list markers below.
const WORDS = [
  'plain',
  '24',
  '(a)',
  '-->',
  '~~',
  'words',
  'Rollout',
  'x',
  'a',
  '|',
  '*',
  '_',
  '`code`',
  '`a b`',
  '`',
  '``',
  '~~gone~~',
  '[link](u)',
  '<b>',
  '&amp;',
  '\\',
  '#',
  '-',
  '1.',
  '>',
  '===',
  '---',
  '```',
  '~~~',
  ':--',
  '  ',
  '\t',
  '',
];

const lineOf = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '));

const tableOf = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(lineOf, { maxLength: 3 }))
  .map(([width, rows]) => [
    `|${' A |'.repeat(width)}`,
    `|${' --- |'.repeat(width)}`,
    ...rows.map((row) => `| ${row.replaceAll('|', '')} |`),
  ]);

const listOf = fc.array(
  fc
    .tuple(
      fc.constantFrom('', '', '  ', '    ', '   ', ' ', '      '),
      fc.constantFrom(
        '- ',
        '- ',
        '* ',
        '+ ',
        '-  ',
        '- [ ] ',
        '- [x] ',
        '1. ',
        '2. ',
        '1) ',
        '10. ',
        '',
        '   ',
      ),
      fc.oneof(
        lineOf,
        lineOf.map((line) => `~~${line}~~`),
      ),
    )
    .map(([indent, marker, text]) => indent + marker + text),
  { minLength: 1, maxLength: 6 },
);

const codeOf = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```js', '  ```'),
    fc.array(lineOf, { maxLength: 3 }),
    fc.constantFrom('```', '~~~', '````', ' ```', '```  ', ''),
  )
  .map(([opening, body, closing]) => [opening, ...body, closing]);

/** Lines of plain words, tables, lists, code, and lines of anything, mixed. */
const randomDocument = fc
  .array(
    fc.oneof(
      fc.array(lineOf, { minLength: 1, maxLength: 3 }),
      tableOf,
      listOf,
      listOf,
      fc.constant(['']),
      fc.constant(['', '']),
      fc.constant(['plain words']),
      fc.constant(['  more words']),
      codeOf,
    ),
    { maxLength: 12 },
  )
  .map((blocks) => blocks.flat().join('\n'));

/** One list item: its marker, its lines of words, and the items nested in it. */
interface ListTree {
  marker: string;
  lines: string[];
  blankBefore: boolean;
  children: ListTree[];
}

const itemWords = fc.constantFrom(
  'plain words',
  '`code` and words',
  'words with `code`',
  '24 hours (or so)',
  '[ ] a task',
  '[x] done task',
  '~~struck out~~',
  'a -> b',
);

const listTree: fc.Arbitrary<ListTree[]> = fc.letrec((tie) => ({
  items: fc.array(tie('item') as fc.Arbitrary<ListTree>, {
    minLength: 1,
    maxLength: 3,
  }),
  item: fc.record({
    marker: fc.constantFrom('-', '*', '1.', '2.', '1)', '10.'),
    lines: fc.array(itemWords, { minLength: 1, maxLength: 2 }),
    blankBefore: fc.boolean(),
    children: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant([]),
      tie('items') as fc.Arbitrary<ListTree[]>,
    ),
  }),
})).items;

/**
 * A list as Markdown: each item's marker at its parent's content indent,
 * its further lines at its own; one marker per list, blank lines between
 * some items.
 */
function listLines(items: ListTree[], indent: number): string[] {
  const marker = items[0].marker;
  return items.flatMap((item, index) => {
    const pad = ' '.repeat(indent);
    const content = indent + marker.length + 1;
    return [
      ...(item.blankBefore && index > 0 ? [''] : []),
      `${pad}${marker} ${item.lines[0]}`,
      ...item.lines.slice(1).map((line) => `${' '.repeat(content)}${line}`),
      ...(item.children.length > 0 ? listLines(item.children, content) : []),
    ];
  });
}

const randomList = listTree.map(
  (items) => `# List\n\n${listLines(items, 0).join('\n')}\n\nafter\n`,
);
