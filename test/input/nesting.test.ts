import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/input/limits.js';
import { deepestNesting } from '../../src/input/nesting.js';
import { parseMarkdown } from '../../src/input/parse.js';
import { sourceFromText } from '../../src/input/read.js';
import { auditTexts, md } from '../helpers.js';

const GAPS = md`
  # Gaps

  ## Gap 1: Rate Limiting
`;

function planWith(body: string): string {
  return `# Plan\n\n## Rate Limiting\n\n${body}\n`;
}

function refusal(text: string): string {
  try {
    parseMarkdown(sourceFromText('plan.md', text));
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).toLine();
  }
  throw new Error('the text was parsed');
}

describe('deepestNesting', () => {
  it.each([
    ['block quotes on one line', `${'>'.repeat(10_000)} deep`, 10_000],
    ['bullets on one line', `${'- '.repeat(10_000)}deep`, 10_000],
    ['ordered items on one line', '1. 2) 3. deep', 3],
    ['quotes and lists mixed', '> - > 1. > * deep', 6],
    ['a list continued by indentation', '- a\n  - b\n    - c\n      - d', 4],
    ['tabs as four columns', '\t\t- d', 5],
    ['a thematic break of dashes', '- - - - - - - -', 0],
    ['a deeply indented line without markers', `${' '.repeat(300)}code`, 0],
    ['plain text', 'no containers here', 0],
  ])('counts %s', (_name, text, depth) => {
    expect(deepestNesting(text).depth).toBe(depth);
  });

  it('names the deepest line, CR LF and CR endings included', () => {
    expect(deepestNesting('a\r\n> b\r>> c\n> d').line).toBe(3);
  });
});

describe('parsing deeply nested Markdown', () => {
  it('refuses 10,000 nested block quotes before they overflow the stack', () => {
    expect(refusal(planWith(`${'>'.repeat(10_000)} deep`))).toBe(
      'plan.md: nests lists or block quotes up to 10000 levels deep at line 5; ' +
        'plan-audit reads at most 100 levels',
    );
  });

  it('refuses 10,000 nested list items before they overflow the stack', () => {
    expect(refusal(planWith(`${'- '.repeat(10_000)}deep`))).toMatch(
      /up to 10000 levels deep at line 5;/,
    );
  });

  it('refuses one level past the limit and audits the limit itself', () => {
    const limit = DEFAULT_LIMITS.maxDepth;
    expect(refusal(planWith(`${'> '.repeat(limit + 1)}deep`))).toMatch(
      /up to 101 levels deep/,
    );

    const result = auditTexts(
      planWith(`${'> - '.repeat(limit / 2)}rate limiting`),
      GAPS,
    );
    expect(result.summary.total).toBe(1);
  });

  it('refuses emphasis nested past the tree limit', () => {
    const text = planWith(`${'*'.repeat(2_200)}x${'*'.repeat(2_200)}`);
    expect(refusal(text)).toBe(
      'plan.md: nests Markdown more than 1000 levels deep at line 5; ' +
        'plan-audit reads at most 1000 levels',
    );
  });

  it('audits emphasis nested just under the tree limit without overflowing', () => {
    const text = planWith(`${'*'.repeat(1_900)}x${'*'.repeat(1_900)}`);
    const result = auditTexts(text, GAPS);

    expect(result.judgements[0].verdict).toBe('present');
  });
});
