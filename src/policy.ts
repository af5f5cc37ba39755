import type { AuditResult } from './audit.js';
import { evaluatePolicy } from './gate/evaluate.js';
import { DEFAULT_POLICY } from './gate/settings.js';

/** Exit codes, as in most linters: 0 clean, 1 the policy fails, 2 fatal. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * The exit code under the default policy: 1 when a required item is
 * missing or an item to remove is still in the plan. The CLI applies the
 * configured policy through src/gate/evaluate.ts instead.
 */
export function exitCodeFor(result: AuditResult): number {
  return evaluatePolicy(result, DEFAULT_POLICY).exitCode;
}
