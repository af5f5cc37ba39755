import { outcomeOf, type ReportContext } from './context.js';
import { policyLines } from './policy-lines.js';
import { at, problemsOf } from './problems.js';

/**
 * The `--quiet` terminal report: only what fails the run, why, and the
 * score. A passing run prints the score line alone.
 */
export function formatQuiet(context: ReportContext): string {
  const failing = problemsOf(context).filter(
    (problem) => problem.severity === 'error',
  );
  const lines = failing.map(
    (problem) => `${at(problem.place)}: ${problem.message} [${problem.rule}]`,
  );

  const outcome = outcomeOf(context);
  lines.push(
    ...policyLines(context).filter((line) => line.startsWith('Fails: ')),
  );
  lines.push(
    `Score ${context.result.score.value.toFixed(1)}/100${outcome.exitCode === 0 ? '' : ' (failed)'}`,
  );
  return `${lines.join('\n')}\n`;
}
