import { realpathSync } from 'node:fs';
import { relative } from 'node:path';

import { Command, CommanderError, Option } from 'commander';

import { audit } from './audit.js';
import { findConfigFile } from './config/find.js';
import { configRuleSources, loadConfigFile } from './config/load.js';
import { UsageError } from './errors.js';
import { addFixCommand } from './fix/command.js';
import { readSourceFile } from './input/read.js';
import { SHIPPED_RULES, TOOL_NAME, toolVersion } from './meta.js';
import { EXIT_USAGE, exitCodeFor } from './policy.js';
import type { ReportContext } from './report/context.js';
import { formatJson } from './report/json.js';
import { formatExplanation } from './report/explain.js';
import { formatRuleList } from './report/rules.js';
import { formatText } from './report/text.js';
import { loadRules } from './rules/load.js';

/** Where the CLI writes and what it knows of its terminal; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTty: boolean;
  /** Where to start looking for `.plan-audit.yml`; the process's folder by default. */
  cwd?: string;
  /** For `fix --interactive`: whether stdin is a terminal, and how to ask. */
  stdinIsTty?: boolean;
  ask?: (question: string) => Promise<string>;
}

interface AuditOptions {
  format: 'text' | 'json';
  color: boolean;
  rules?: string[];
  explain?: boolean;
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
  $ plan-audit plan.md gaps.md --explain     # why each verdict came out so
  $ plan-audit rules                         # the active rules and their files

Rules and config:
  Shipped rules live in rules/*.yml. A .plan-audit.yml found by walking up
  from the current folder may name more (rules: [dir or file, ...]), and
  --rules names more still; a later rule with the same id (file name)
  overrides an earlier one: --rules wins over the config, the config over
  the shipped rules.
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
    .option(
      '--rules <path>',
      'an extra rule file or folder (repeatable); it overrides shipped rules of the same id',
      collect,
      [],
    )
    .option('--explain', 'show, for every item, the candidate sections and why each rule accepted or rejected them')
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

  program
    .command('rules')
    .description('list the active rules, with the file that set each one, and exit')
    .action((_options: unknown, command: Command) => {
      const cwd = io.cwd ?? process.cwd();
      const options = command.optsWithGlobals() as AuditOptions;
      const rules = loadRules(ruleSources(options, cwd));
      io.stdout(formatRuleList(rules, (path) => relative(cwd, path) || path));
      setExit(0);
    });

  addFixCommand(program, io, setExit);
  return program;
}

function runAudit(planPath: string, gapPath: string, options: AuditOptions, io: CliIo): number {
  const rules = loadRules(ruleSources(options, io.cwd ?? process.cwd()));
  const plan = readSourceFile(planPath);
  const gapList = readSourceFile(gapPath);
  refuseSameFile(planPath, gapPath);

  const result = audit(plan, gapList, rules);
  const exitCode = exitCodeFor(result);
  const context: ReportContext = { result, tool: { name: TOOL_NAME, version: toolVersion() }, exitCode };

  if (options.format === 'json') {
    io.stdout(formatJson(context));
  } else {
    io.stdout(formatText(context, { color: useColor(options, io) }));
    if (options.explain) io.stdout(`\nWHY\n${formatExplanation(result)}`);
  }
  return exitCode;
}

/**
 * Shipped rules first, then those the nearest `.plan-audit.yml` names, then
 * `--rules`: a later rule with the same id overrides an earlier one, so the
 * command line wins over the config, and the config over the defaults.
 */
function ruleSources(options: AuditOptions, cwd: string): string[] {
  const configPath = findConfigFile(cwd);
  const fromConfig = configPath ? configRuleSources(loadConfigFile(configPath)) : [];

  return [SHIPPED_RULES, ...fromConfig, ...(options.rules ?? [])];
}

/** Commander's way to let an option repeat: each use adds to the list. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function refuseSameFile(planPath: string, gapPath: string): void {
  if (realpathSync(planPath) === realpathSync(gapPath)) {
    throw new UsageError('is given as both the plan and the gap list; pass two different files', gapPath);
  }
}

/** Colour only for a terminal, and never when NO_COLOR or --no-color says no. */
function useColor(options: AuditOptions, io: CliIo): boolean {
  if (!options.color) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTty;
}

function reportError(error: unknown, io: CliIo, argv: string[]): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    io.stderr(`${TOOL_NAME}: ${error.message.replace(/^error: /, '')} (see --help)\n`);
    return EXIT_USAGE;
  }

  if (error instanceof UsageError) {
    const lines = error.toLine().split('\n');
    for (const line of lines) io.stderr(`${TOOL_NAME}: ${line}\n`);
    if (wantsJson(argv)) io.stdout(`${JSON.stringify({ error: { message: error.toLine(), file: error.file } })}\n`);
    return EXIT_USAGE;
  }

  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${TOOL_NAME}: internal error: ${message} (please report this with the two files)\n`);
  return EXIT_USAGE;
}

function wantsJson(argv: string[]): boolean {
  const index = argv.findIndex((arg) => arg === '--format' || arg === '-f');
  return (index >= 0 && argv[index + 1] === 'json') || argv.includes('--format=json');
}
