import type { AuditResult } from './audit.js';
import type { Judgement } from './model.js';

/** Exit codes, as in most linters: 0 clean, 1 the policy fails, 2 fatal. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * A run fails when a required item is missing or a removal check finds the
 * item still in the plan. Partial and duplicate items pass.
 */
export function failingItems(result: AuditResult): Judgement[] {
  return result.judgements.filter((judgement) => {
    if (judgement.item.optional) return false;
    if (judgement.item.remove) return !judgement.passed;
    return judgement.verdict === 'missing';
  });
}

export function exitCodeFor(result: AuditResult): number {
  return failingItems(result).length > 0 ? EXIT_FAILED : EXIT_OK;
}
