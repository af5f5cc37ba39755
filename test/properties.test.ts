import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';

import { UsageError } from '../src/errors.js';
import { deepestNesting } from '../src/input/nesting.js';
import { parseMarkdown } from '../src/input/parse.js';
import { countLines, sourceFromText } from '../src/input/read.js';
import { formatJson } from '../src/report/json.js';
import { formatText } from '../src/report/text.js';
import { auditTexts } from './helpers.js';

const WORDS = [
  'rate',
  'limiting',
  'database',
  'migration',
  'rollback',
  'plan',
  'tracing',
  'k8s',
  'API',
  'CI/CD',
  'REQ-12',
  '🚀',
  '✅',
  '👩‍💻',
  'café',
  '東京',
  '(2 Hours)',
  '**High**',
  'Optional',
  '~~removed~~',
  '`code`',
  '[link](https://example.com)',
  '<b>bold</b>',
  '|',
  '#',
];

const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 }));
const phrase = fc
  .array(word, { minLength: 1, maxLength: 6 })
  .map((words) => words.join(' '));
const lines = (count: number) =>
  fc.array(phrase, { minLength: 1, maxLength: count });

/** One block of Markdown as a list of lines, without line endings. */
const block: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), phrase)
    .map(([depth, text]) => [`${'#'.repeat(depth)} ${text}`]),
  fc
    .tuple(fc.integer({ min: 1, max: 40 }), phrase)
    .map(([id, text]) => [`## Gap ${id}: ${text}`]),
  fc
    .tuple(phrase, fc.constantFrom('===', '---'))
    .map(([text, rule]) => [text, rule]),
  fc
    .tuple(fc.constantFrom('```', '~~~', '```ts'), lines(4))
    .map(([fence, body]) => [
      fence,
      ...body.map((line, index) => (index % 2 === 0 ? `# ${line}` : line)),
      fence.slice(0, 3),
    ]),
  fc
    .tuple(phrase, lines(4))
    .map(([header, rows]) => [
      `| Component | Priority | ${header} |`,
      '| --- | --- | --- |',
      ...rows.map(
        (row, index) =>
          `| ${row} | ${['High', 'Low', 'Critical'][index % 3]} | x |`,
      ),
    ]),
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('- ', '* ', '1. ', '- [ ] '),
        phrase,
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((items) =>
      items.map(
        ([indent, marker, text]) => `${'  '.repeat(indent)}${marker}${text}`,
      ),
    ),
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), lines(3))
    .map(([depth, body]) => body.map((line) => `${'> '.repeat(depth)}${line}`)),
  fc
    .tuple(fc.constantFrom('div', 'details', 'table'), lines(3))
    .map(([tag, body]) => [`<${tag}>`, ...body, `</${tag}>`]),
  fc.constantFrom(['<!-- # Hidden heading -->'], ['---'], ['***'], ['']),
  lines(3),
);

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

/** A Markdown document from blocks, each line ended by a random ending. */
const markdown = fc
  .tuple(
    fc.array(block, { maxLength: 12 }),
    fc.array(lineEnding, { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([blocks, endings, frontMatter]) => {
    const all = [
      ...(frontMatter ? ['---', 'title: x', '---'] : []),
      ...blocks.flatMap((lines) => [...lines, '']),
    ];
    return all
      .map((line, index) => line + endings[index % endings.length])
      .join('');
  });

/** How the plan treats one item of the gap list. */
const treatment = fc.constantFrom(
  'heading',
  'twice',
  'in-code',
  'in-html',
  'mention',
  'none',
);

/**
 * A plan and a gap list that share titles: the gap list names each title
 * as "Gap N:", the plan has it as a heading, twice, only inside code or
 * HTML, in body text or not at all, between random blocks.
 */
const pair = fc
  .tuple(
    fc.array(
      fc.tuple(phrase, treatment, fc.integer({ min: 1, max: 6 }), block),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    markdown,
    fc.array(lineEnding, { minLength: 1, maxLength: 3 }),
  )
  .map(([items, rest, endings]) => {
    const plan: string[] = ['# Plan', ''];
    items.forEach(([title, how, depth, filler]) => {
      const heading = `${'#'.repeat(depth)} ${title}`;
      if (how === 'heading' || how === 'twice')
        plan.push(heading, '', 'Some text.', '');
      if (how === 'twice') plan.push(`## ${title}`, '', 'Again.', '');
      if (how === 'in-code') plan.push('```', heading, '```', '');
      if (how === 'in-html') plan.push('<div>', heading, '</div>', '');
      if (how === 'mention') plan.push(`We will handle ${title} later.`, '');
      plan.push(...filler, '');
    });
    const gaps = [
      '# Gaps',
      '',
      ...items.flatMap(([title], index) => [
        `## Gap ${index + 1}: ${title}`,
        '',
      ]),
    ];

    const join = (lines: string[]) =>
      lines
        .map((line, index) => line + endings[index % endings.length])
        .join('');
    return { plan: join(plan) + rest, gaps: join(gaps) + rest };
  });

/** Lines of real headings, and line ranges of code and HTML blocks. */
function headingAndCodeLines(tree: Root): {
  headings: Set<number>;
  code: Array<[number, number]>;
} {
  const headings = new Set<number>();
  const code: Array<[number, number]> = [];
  const stack: Array<{ node: Nodes; flow: boolean }> = [
    { node: tree, flow: true },
  ];

  while (stack.length > 0) {
    const { node, flow } = stack.pop()!;
    const position = node.position;
    if (node.type === 'heading' && position) headings.add(position.start.line);
    // Inline HTML in a heading is part of the heading, not a block of code.
    if ((node.type === 'code' || (node.type === 'html' && flow)) && position) {
      code.push([position.start.line, position.end.line]);
    }
    if ('children' in node) {
      const childFlow = ['root', 'blockquote', 'listItem', 'list'].includes(
        node.type,
      );
      for (const child of node.children)
        stack.push({ node: child, flow: childFlow });
    }
  }
  return { headings, code };
}

/** Audit, allowing only the errors that bad input deserves. */
function auditOrRefuse(plan: string, gaps: string) {
  try {
    return auditTexts(plan, gaps);
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}

describe('properties of random Markdown', () => {
  it('parses with every position inside the file', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const file = sourceFromText('plan.md', text);
        const tree = parseMarkdown(file);
        const stack: Nodes[] = [...tree.children];

        while (stack.length > 0) {
          const node = stack.pop()!;
          const { start, end } = node.position!;
          expect(start.line).toBeGreaterThanOrEqual(1);
          expect(start.line).toBeLessThanOrEqual(Math.max(file.lines, 1));
          expect(start.line).toBeLessThanOrEqual(end.line);
          // End points are exclusive: an unclosed fence ends at column 1
          // just past the last line ending, which is no line of its own.
          const endsPastLastLine =
            end.line === file.lines + 1 && end.column === 1;
          expect(end.line <= file.lines || endsPastLastLine).toBe(true);
          if ('children' in node) stack.push(...node.children);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('audits without exceptions and with consistent line numbers, score and counts', () => {
    fc.assert(
      fc.property(pair, ({ plan, gaps }) => {
        const result = auditOrRefuse(plan, gaps);
        if (!result) return;

        const planLines = countLines(plan);
        const gapLines = countLines(
          gaps.startsWith('\uFEFF') ? gaps.slice(1) : gaps,
        );
        const { headings, code } = headingAndCodeLines(
          parseMarkdown(sourceFromText('plan.md', plan)),
        );
        const inPlan = (line: number) => line >= 1 && line <= planLines;

        for (const judgement of result.judgements) {
          expect(judgement.item.line).toBeGreaterThanOrEqual(1);
          expect(judgement.item.line).toBeLessThanOrEqual(gapLines);
          for (const match of judgement.matches) {
            expect(headings.has(match.startLine)).toBe(true);
            expect(
              code.some(
                ([from, to]) =>
                  match.startLine >= from && match.startLine <= to,
              ),
            ).toBe(false);
            expect(
              inPlan(match.endLine) && match.endLine >= match.startLine,
            ).toBe(true);
          }
          for (const place of [
            ...judgement.mentions,
            ...judgement.references,
          ]) {
            expect(inPlan(place.line)).toBe(true);
          }
          if (judgement.suggestion) {
            expect(judgement.suggestion.afterLine).toBeGreaterThanOrEqual(0);
            expect(judgement.suggestion.afterLine).toBeLessThanOrEqual(
              planLines,
            );
          }
        }
        for (const finding of result.findings) {
          const last = finding.file === 'plan' ? planLines : gapLines;
          for (const line of finding.lines)
            expect(line >= 1 && line <= last).toBe(true);
        }

        expect(result.score.value).toBeGreaterThanOrEqual(0);
        expect(result.score.value).toBeLessThanOrEqual(100);
        const { summary } = result;
        const counted =
          summary.present +
          summary.partial +
          summary.duplicate +
          summary.missing +
          summary.removed +
          summary.notRemoved;
        expect(counted).toBe(summary.total);
        expect(summary.total).toBe(result.judgements.length);

        const context = {
          result,
          tool: { name: 'plan-audit', version: '0' },
          exitCode: 0,
        };
        expect(() => JSON.parse(formatJson(context))).not.toThrow();
        expect(typeof formatText(context, { color: false })).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('never under-estimates how deep lists and block quotes nest', () => {
    const prefix = fc.array(
      fc.constantFrom('> ', '- ', '1. ', '* ', '  ', '   ', '\t'),
      {
        maxLength: 8,
      },
    );
    const text = fc
      .array(fc.tuple(prefix, phrase), { minLength: 1, maxLength: 10 })
      .map((rows) =>
        rows.map(([parts, line]) => parts.join('') + line).join('\n'),
      );

    fc.assert(
      fc.property(text, (source) => {
        const tree = parseMarkdown(sourceFromText('plan.md', source));
        expect(deepestNesting(source).depth).toBeGreaterThanOrEqual(
          containerDepth(tree),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Block quotes and list items open above the deepest node. */
function containerDepth(node: Nodes): number {
  if (!('children' in node)) return 0;
  const inner = Math.max(0, ...node.children.map(containerDepth));
  return (
    inner + (node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0)
  );
}
