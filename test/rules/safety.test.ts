import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SHIPPED_RULES } from '../../src/meta.js';
import { loadRules, RuleFileError } from '../../src/rules/load.js';
import { checkOptions, type OptionSpecs } from '../../src/rules/options.js';
import { unsafePatternReason } from '../../src/rules/safe-pattern.js';
import { tempFiles } from '../helpers.js';

const PATTERNS: OptionSpecs = {
  patterns: { type: 'pattern-list', default: [], doc: 'patterns for the test' },
};

function loadProblems(files: Record<string, string>): string[] {
  const folder = tempFiles(files);
  try {
    loadRules([SHIPPED_RULES, folder]);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).problems.map(
      (problem) => `${problem.line}: ${problem.message}`,
    );
  }
  return [];
}

describe('rule patterns', () => {
  it.each([
    ['nested plus', '(a+)+$'],
    ['optional inside a star', '(\\w+\\s?)*$'],
    ['a star inside a counted group', '(.*a){12}'],
    ['a star of a star', '(?:x*)*y'],
  ])('refuses %s when the rule loads', (_name, source) => {
    expect(unsafePatternReason(source)).toMatch(
      /^may backtrack catastrophically/,
    );
  });

  it.each([
    '^priority\\s*:\\s*(high|low)$',
    '\\bgap\\s+\\d+\\b',
    '\\p{L}+',
    '[^\\]]+',
  ])('accepts %s', (source) => {
    expect(unsafePatternReason(source)).toBeNull();
  });

  it('names an invalid pattern and an overlong one', () => {
    expect(unsafePatternReason('(open')).toMatch(
      /^is not a valid regular expression: /,
    );
    expect(unsafePatternReason('a'.repeat(501))).toBe(
      'is 501 characters long; patterns may have at most 500',
    );
  });

  it('reports the pattern among the option problems', () => {
    const { problems } = checkOptions(PATTERNS, {
      patterns: ['^ok$', '(a+)+$'],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(
      /^option "patterns" has a pattern \/\(a\+\)\+\$\/ that may backtrack/,
    );
  });

  it('refuses a classic exponential pattern by reading it, never running it', () => {
    const evil = '^(([a-z])+.)+[A-Z]([a-z])+$';
    expect(unsafePatternReason(evil)).not.toBeNull();
  });
});

describe('rule files are data', () => {
  it('keeps a !!js/function tag a plain string and runs nothing', () => {
    const sentinel = join(tempFiles({}), 'ran');
    const problems = loadProblems({
      'exact-title.yml':
        'kind: !!js/function "function () { ' +
        `require('fs').writeFileSync('${sentinel}', '') }"\n`,
    });

    expect(problems[0]).toMatch(/^1: "kind" is function \(\) \{/);
    expect(existsSync(sentinel)).toBe(false);
  });

  it('treats __proto__ and constructor as unknown options, not inherited ones', () => {
    const problems = loadProblems({
      'gap-id.yml':
        'options:\n  __proto__: { polluted: true }\n  constructor: 1\n',
    });

    expect(problems).toEqual([
      '2: unknown option "__proto__" (expected one of: confidence)',
      '3: unknown option "constructor" (expected one of: confidence)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
