import type { ReportContext } from './context.js';
import { problemsOf } from './problems.js';

const SEVERITY = { error: 'error', warning: 'warning', note: 'info' } as const;

/**
 * One line per problem, `path:line:col: severity: message [rule]`, the
 * shape editors' problem matchers and `grep` expect. Nothing for a plan
 * that needs no attention.
 */
export function formatCompact(context: ReportContext): string {
  return problemsOf(context)
    .map((problem) => {
      const { file, line } = problem.place;
      return `${file}:${line}:1: ${SEVERITY[problem.severity]}: ${problem.message} [${problem.rule}]\n`;
    })
    .join('');
}
