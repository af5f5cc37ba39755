import { CommanderError } from 'commander';

import { UsageError } from '../errors.js';
import { RuleFileError, type RuleProblem } from '../rules/load.js';

/** A fatal problem as the reports show it. */
export interface ErrorReport {
  tool: { name: string; version: string };
  /** The lines printed on stderr, without the tool's name. */
  lines: string[];
  /** The file the problem is in, when there is one. */
  file: string | null;
  /** Rule file problems, each with its line. */
  problems: RuleProblem[];
  exitCode: number;
}

/**
 * Control characters (a newline or an escape sequence in a file name or
 * a YAML key) are shown escaped, so that a message stays one line and
 * cannot drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    const escapes: Record<string, string> = {
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
    };
    return (
      escapes[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
  });
}

/**
 * Turn anything thrown during a run into a report: usage and input errors
 * as they are, rule file errors a line per problem, anything else as an
 * internal error that still fits on one line.
 */
export function describeError(
  error: unknown,
  tool: ErrorReport['tool'],
  exitCode: number,
): ErrorReport {
  const report: ErrorReport = {
    tool,
    lines: [],
    file: null,
    problems: [],
    exitCode,
  };

  if (error instanceof CommanderError) {
    report.lines = [
      oneLine(`${error.message.replace(/^error: /, '')} (see --help)`),
    ];
  } else if (error instanceof RuleFileError) {
    report.problems = error.problems;
    report.lines = error.problems.map((problem) =>
      oneLine(`${problem.file}:${problem.line}: ${problem.message}`),
    );
  } else if (error instanceof UsageError) {
    report.file = error.file;
    report.lines = [oneLine(error.toLine())];
  } else {
    const message = error instanceof Error ? error.message : String(error);
    report.lines = [
      oneLine(
        `internal error: ${message} (please report this with the two files)`,
      ),
    ];
  }
  return report;
}

/** The error lines for stderr, each prefixed with the tool's name. */
export function formatErrorText(report: ErrorReport): string {
  return report.lines.map((line) => `${report.tool.name}: ${line}\n`).join('');
}

/** The error as the one JSON document `--format json` prints instead of a report. */
export function formatErrorJson(report: ErrorReport): string {
  const error = {
    message: report.lines.join('\n'),
    file: report.file,
    ...(report.problems.length > 0 ? { problems: report.problems } : {}),
  };
  return `${JSON.stringify({ tool: report.tool, exitCode: report.exitCode, error }, null, 2)}\n`;
}
