import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

import { audit } from './audit.js';
import { DEFAULT_LIMITS, MEGABYTE } from './input/limits.js';
import { readSourceFile } from './input/read.js';
import { refuseSameFile } from './input/same-file.js';
import { SHIPPED_RULES, TOOL_NAME, toolVersion } from './meta.js';
import { EXIT_USAGE, exitCodeFor } from './policy.js';
import type { ReportContext } from './report/context.js';
import { describeError, formatErrorJson, formatErrorText } from './report/error.js';
import { formatJson } from './report/json.js';
import { formatText } from './report/text.js';
import { loadRules } from './rules/load.js';

/** Where the CLI writes and what it knows of its terminal; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTty: boolean;
}

interface AuditOptions {
  format: 'text' | 'json';
  color: boolean;
  rules?: string[];
  maxSize: number;
}

const EXAMPLES = `
Verdicts:
  PRESENT    exactly one plan section covers the item
  DUPLICATE  two or more separate plan sections cover it
  PARTIAL    no section, but body text mentions it
  MISSING    nothing; the report says after which line to add it

Exit codes:
  0  every required item is present, duplicate or partial
  1  a required item is missing, or an item to remove is still there
  2  bad input or usage (one line on stderr)

Examples:
  $ plan-audit masterplan7.md whatmissintotal.md
  $ plan-audit plan.md gaps.md --format json | jq '.gaps[] | select(.verdict == "missing")'
  $ plan-audit plan.md template.md --rules ./my-rules --no-color
`;

/** Run the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv);
  }
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command(TOOL_NAME)
    .description('Audit a Markdown plan against a gap list: which required items it has, where, and a score.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('<plan>', 'the Markdown plan to audit')
    .argument('<gaps>', 'the gap list: "Gap N:" headings, a requirements table or a template of sections')
    .addOption(
      new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'),
    )
    .option('--no-color', 'never colour the text report (also: NO_COLOR=1)')
    .option('--rules <path...>', 'extra rule files or folders; they override shipped rules of the same id')
    .option(
      '--max-size <MB>',
      'refuse a plan or gap list larger than this many megabytes',
      parseMegabytes,
      DEFAULT_LIMITS.maxBytes / MEGABYTE,
    )
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    })
    .action((plan: string, gaps: string, options: AuditOptions) => {
      setExit(runAudit(plan, gaps, options, io));
    });

  return program;
}

function runAudit(planPath: string, gapPath: string, options: AuditOptions, io: CliIo): number {
  const rules = loadRules([SHIPPED_RULES, ...(options.rules ?? [])]);
  const maxBytes = Math.round(options.maxSize * MEGABYTE);
  const plan = readSourceFile(planPath, maxBytes);
  const gapList = readSourceFile(gapPath, maxBytes);
  refuseSameFile(planPath, gapPath);

  const result = audit(plan, gapList, rules);
  const exitCode = exitCodeFor(result);
  const context: ReportContext = { result, tool: { name: TOOL_NAME, version: toolVersion() }, exitCode };

  if (options.format === 'json') {
    io.stdout(formatJson(context));
  } else {
    io.stdout(formatText(context, { color: useColor(options, io) }));
  }
  return exitCode;
}

function parseMegabytes(value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0) {
    throw new InvalidArgumentError('expected a number of megabytes greater than 0');
  }
  return number;
}

/** Colour only for a terminal, and never when NO_COLOR or --no-color says no. */
function useColor(options: AuditOptions, io: CliIo): boolean {
  if (!options.color) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTty;
}

function reportError(error: unknown, io: CliIo, argv: string[]): number {
  if (error instanceof CommanderError && error.exitCode === 0) return 0;

  const report = describeError(error, { name: TOOL_NAME, version: toolVersion() }, EXIT_USAGE);
  io.stderr(formatErrorText(report));
  if (wantsJson(argv)) io.stdout(formatErrorJson(report));
  return EXIT_USAGE;
}

/** Whether the run asked for JSON; the last `--format` wins, as in commander. */
function wantsJson(argv: string[]): boolean {
  let format = 'text';
  argv.forEach((arg, index) => {
    if (arg === '--format' || arg === '-f') format = argv[index + 1] ?? format;
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-f') && arg.length > 2) format = arg.slice(2);
  });
  return format === 'json';
}
