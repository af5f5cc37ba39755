import safeRegex from 'safe-regex2';

/** Longer patterns are refused outright: rules name words, not grammars. */
const MAX_PATTERN_LENGTH = 500;

/**
 * Why a rule's regular expression may not run, or null when it may.
 * Patterns are checked when the rule file loads, before any matching:
 * a quantifier inside a quantified group (`(a+)+`, `(\w+\s?)*`) can take
 * exponential time on a line that almost matches, so it is refused.
 */
export function unsafePatternReason(source: string): string | null {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }

  if (source.length > MAX_PATTERN_LENGTH) {
    return `is ${source.length} characters long; patterns may have at most ${MAX_PATTERN_LENGTH}`;
  }
  if (!safeRegex(source)) {
    return (
      'may backtrack catastrophically (a quantifier inside a repeated group, ' +
      'more than 25 quantifiers, or a lookbehind the checker cannot read); rewrite it'
    );
  }
  return null;
}
