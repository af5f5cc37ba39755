import { outcomeOf, type ReportContext } from './context.js';
import { problemsOf } from './problems.js';

const COMMANDS = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
} as const;

/**
 * GitHub Actions workflow commands: `::error` for items that fail the
 * policy, `::warning` for duplicates, partial items and waived failures,
 * `::notice` for optional items; each with file, line and a title, so the
 * run annotates the files. A last line states the score. The Markdown job
 * summary is the `markdown` format, which the CLI appends to
 * `$GITHUB_STEP_SUMMARY`.
 */
export function formatGithub(context: ReportContext): string {
  const lines = problemsOf(context).map((problem) => {
    const { place } = problem;
    const properties = [
      `file=${property(place.file)}`,
      `line=${place.line}`,
      ...(place.endLine !== undefined && place.endLine > place.line
        ? [`endLine=${place.endLine}`]
        : []),
      `title=${property(`${problem.title} [${problem.rule}]`)}`,
    ];
    return `::${COMMANDS[problem.severity]} ${properties.join(',')}::${data(problem.message)}`;
  });

  const outcome = outcomeOf(context);
  const verdict =
    outcome.exitCode === 0 ? 'passes' : `fails: ${outcome.reasons.join('; ')}`;
  lines.push(
    `${context.tool.name}: score ${context.result.score.value.toFixed(1)}/100; the policy ${verdict}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Escape a command's message, as the Actions runner reads it. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property value: also `:` and `,`. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
