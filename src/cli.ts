import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import createDebug from 'debug';

import {
  type AuditOptions,
  collect,
  collectFailOn,
  collectFormat,
  mergePolicy,
  parseCount,
  parseScore,
} from './cli-options.js';
import { findConfigFile } from './config/find.js';
import {
  type ConfigFile,
  configRuleSources,
  loadConfigFile,
} from './config/load.js';
import { policyFromConfig } from './config/policy.js';
import { waitForChange } from './input/watch.js';
import { UsageError } from './errors.js';
import { type Baseline, parseBaseline } from './gate/baseline.js';
import { evaluatePolicy } from './gate/evaluate.js';
import { DEFAULT_POLICY } from './gate/settings.js';
import {
  type InputContext,
  readGapList,
  readPlan,
  refuseGapListInPlan,
} from './input/plan-files.js';
import { addFixCommand } from './fix/command.js';
import { DEFAULT_LIMITS, MEGABYTE } from './input/limits.js';
import { SHIPPED_RULES, TOOL_NAME, toolVersion } from './meta.js';
import { pairTargets, type Target } from './output/targets.js';
import {
  appendToFile,
  realPathOrNull,
  writeFileAtomic,
} from './output/write.js';
import { EXIT_USAGE } from './policy.js';
import type { ReportContext } from './report/context.js';
import {
  describeError,
  formatErrorJson,
  formatErrorText,
} from './report/error.js';
import { FORMATS } from './report/formats.js';
import { formatExplanation } from './report/explain.js';
import { formatJson } from './report/json.js';
import { formatMarkdown } from './report/markdown.js';
import { formatQuiet } from './report/quiet.js';
import { formatRuleList } from './report/rules.js';
import { formatText } from './report/text.js';
import { auditPrepared } from './prepared-audit.js';
import { loadRules } from './rules/load.js';
import { withTracing } from './trace.js';

const trace = createDebug('plan-audit:cli');

/** Where the CLI writes and what it knows of its terminal; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTty: boolean;
  /** The folder paths are relative to and the config is looked up from. */
  cwd?: string;
  /** All of standard input, for `-`. */
  /** Stops after `maxBytes` + 1 bytes when given, so a flood cannot fill memory. */
  readStdin?: (maxBytes?: number) => Promise<Buffer>;
  /** For `fix --interactive`: whether stdin is a terminal, and how to ask. */
  stdinIsTty?: boolean;
  ask?: (question: string) => Promise<string>;
  /** A progress line appears on stderr only when it is a terminal. */
  stderrIsTty?: boolean;
  /** Ends `--watch` (tests); otherwise it runs until interrupted. */
  signal?: AbortSignal;
}

const EXAMPLES = `
Verdicts:
  PRESENT    exactly one plan section covers the item
  DUPLICATE  two or more separate plan sections cover it
  PARTIAL    no section, but body text mentions it
  MISSING    nothing; the report says after which line to add it

The plan may be several files or folders of Markdown files (chapters);
the last argument is the gap list. "-" reads one of them from stdin.

Formats (--format, repeatable; pair each with an --output, in order):
${[...FORMATS.values()].map((format) => `  ${format.name.padEnd(10)} ${format.summary}`).join('\n')}

Exit codes:
  0  the policy passes (by default: no required item is missing)
  1  the policy fails: an item of a --fail-on kind (by default a required
     item missing, or an item to remove still there), the score below
     --min-score, more than --max-missing missing, or with --baseline a
     regression (an item that got worse, a lower score)
  2  bad input or usage (one line on stderr)

Config: .plan-audit.yml in the working folder or above (failOn, minScore,
maxMissing, gates: {critical: fail, low: warn}); options win over it.

Examples:
  $ plan-audit masterplan7.md whatmissintotal.md
  $ plan-audit plan.md gaps.md --format json | jq '.gaps[] | select(.verdict == "missing")'
  $ plan-audit chapters/ gaps.md -f sarif -o plan-audit.sarif -f junit -o plan-audit.xml
  $ plan-audit plan.md gaps.md --fail-on missing,partial --min-score 80
  $ plan-audit plan.md gaps.md --baseline audit.json --write-baseline
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
    .description(
      'Audit a Markdown plan against a gap list: which required items it has, where, and a score.',
    )
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .usage('[options] <plan...> <gaps>')
    .argument(
      '<files...>',
      'the plan (one or more files or folders), then the gap list',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'report format, repeatable (see Formats)',
      ).argParser(collectFormat),
    )
    .addOption(
      new Option(
        '-o, --output <file>',
        'write the matching --format to a file (atomically)',
      ).argParser(collect),
    )
    .option('--no-color', 'never colour the text report (also: NO_COLOR=1)')
    .option(
      '--rules <path>',
      'an extra rule file or folder (repeatable); it overrides shipped rules of the same id',
      collect,
    )
    .option(
      '--explain',
      'show, for every item, the candidate sections and why each rule accepted or rejected them',
    )
    .addOption(
      new Option(
        '--fail-on <verdicts>',
        'fail on these verdicts: missing, partial, duplicate (default: missing)',
      ).argParser(collectFailOn),
    )
    .addOption(
      new Option(
        '--min-score <n>',
        'fail when the score is below n (0-100)',
      ).argParser(parseScore),
    )
    .addOption(
      new Option(
        '--max-missing <n>',
        'fail only when more than n required items are missing',
      ).argParser(parseCount),
    )
    .option(
      '--config <file>',
      'the config file (default: .plan-audit.yml found upwards)',
    )
    .option('--no-config', 'use no config file')
    .option(
      '--baseline <file>',
      'an earlier JSON report; fail only on regressions',
    )
    .option(
      '--write-baseline [file]',
      'write this run as the baseline (default: the --baseline file)',
    )
    .option(
      '--max-size <MB>',
      'refuse a plan or gap list file larger than this many megabytes',
      parseMegabytes,
      DEFAULT_LIMITS.maxBytes / MEGABYTE,
    )
    .option(
      '--stdin-name <path>',
      'the name "-" (stdin) goes by in reports',
      '<stdin>',
    )
    .option(
      '--link-base <url>',
      'prefix for links in the markdown report (default on GitHub: the commit)',
    )
    .addOption(
      new Option('-q, --quiet', 'print only failures and the score').conflicts(
        'verbose',
      ),
    )
    .option(
      '-v, --verbose',
      'trace what plan-audit does on stderr (as DEBUG=plan-audit:*)',
    )
    .option(
      '--no-cache',
      'parse the plan even when its outline is in the cache',
    )
    .option(
      '-w, --watch',
      'audit again whenever the plan or the gap list changes',
    )
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    })
    .action(async (files: string[], options: AuditOptions) => {
      const work = () =>
        runAudit(
          files,
          {
            ...options,
            format: options.format ?? [],
            output: options.output ?? [],
          },
          io,
        );
      const watched = options.watch ? () => watchAudit(files, work, io) : work;
      setExit(await withTracing(options.verbose === true, io.stderr, watched));
    });

  program
    .command('rules')
    .description(
      'list the active rules, with the file that set each one, and exit',
    )
    .action((_options: unknown, command: Command) => {
      const cwd = io.cwd ?? process.cwd();
      const options = command.optsWithGlobals() as AuditOptions;
      const config = loadConfig(options, cwd);
      const rules = loadRules(ruleSources(options, config));
      io.stdout(formatRuleList(rules, (path) => relative(cwd, path) || path));
      setExit(0);
    });

  addFixCommand(program, io, setExit);
  return program;
}

async function runAudit(
  args: string[],
  options: AuditOptions,
  io: CliIo,
): Promise<number> {
  if (args.length < 2)
    throw new UsageError(
      "missing required argument 'gaps': give the plan, then the gap list",
    );
  const cwd = io.cwd ?? process.cwd();
  const planArgs = args.slice(0, -1);
  const gapArg = args[args.length - 1];

  const config = loadConfig(options, cwd);
  const policy = mergePolicy(
    DEFAULT_POLICY,
    config ? policyFromConfig(config) : {},
    options,
  );
  const targets = pairTargets(options.format, options.output);
  const rules = loadRules(ruleSources(options, config));

  const input: InputContext = {
    cwd,
    stdinName: options.stdinName,
    readStdin: io.readStdin ?? noStdin,
    maxBytes: Math.round(options.maxSize * MEGABYTE),
  };
  const plan = await readPlan(planArgs, input);
  const gapList = await readGapList(gapArg, input);
  refuseGapListInPlan(planArgs, gapArg, cwd);
  refuseOverwritingInputs(
    targets,
    options,
    [...plan.files, gapList].map((file) => file.path),
    cwd,
  );

  const started = performance.now();
  const result = await auditPrepared(plan, gapList, rules, {
    cache: options.cache,
    env: io.env,
    progress: showsProgress(io) ? io.stderr : null,
  });
  trace(
    'audit: %d rules, %d items, score %s, %dms',
    rules.length,
    result.judgements.length,
    result.score.value,
    Math.round(performance.now() - started),
  );
  const outcome = evaluatePolicy(result, policy, readBaseline(options, cwd));
  const context: ReportContext = {
    result,
    tool: { name: TOOL_NAME, version: toolVersion() },
    exitCode: outcome.exitCode,
    outcome,
    linkBase: options.linkBase ?? githubLinkBase(io.env),
  };

  writeReports(targets, context, options, io, cwd);
  const baselinePath =
    options.writeBaseline === true ? options.baseline : options.writeBaseline;
  if (baselinePath !== undefined)
    writeFileAtomic(
      resolve(cwd, baselinePath),
      formatJson(context),
      baselinePath,
    );
  return outcome.exitCode;
}

/**
 * `--watch`: audit, then wait for a named file to change, clear the
 * screen and audit again. Bad input is reported and waited out too.
 */
async function watchAudit(
  files: string[],
  work: () => Promise<number>,
  io: CliIo,
): Promise<number> {
  if (files.includes('-')) {
    throw new UsageError('--watch needs files; standard input cannot change');
  }
  const paths = files.map((file) => resolve(io.cwd ?? process.cwd(), file));
  let exitCode = 0;

  do {
    if (io.stdoutIsTty) io.stdout('\u001b[2J\u001b[H');
    try {
      exitCode = await work();
    } catch (error) {
      exitCode = reportError(error, io, []);
    }
  } while (await waitForChange(paths, io.signal));
  return exitCode;
}

/** The progress line: never in CI logs or when stderr is piped. */
function showsProgress(io: CliIo): boolean {
  return io.stderrIsTty === true && !io.env.CI;
}

/** Render every report first, then write: a failing format writes nothing. */
function writeReports(
  targets: Target[],
  context: ReportContext,
  options: AuditOptions,
  io: CliIo,
  cwd: string,
): void {
  const color = useColor(options, io);
  const rendered = targets.map((target) => {
    const quietText =
      options.quiet && target.path === null && target.format.name === 'text';
    return {
      target,
      text: quietText
        ? formatQuiet(context)
        : target.format.format(context, { color }),
    };
  });

  for (const { target, text } of rendered) {
    if (target.path === null) io.stdout(text);
    else writeFileAtomic(resolve(cwd, target.path), text, target.path);
  }

  // With every report in a file, the terminal still gets the summary.
  const allInFiles = targets.every((target) => target.path !== null);
  if (allInFiles)
    io.stdout(
      options.quiet ? formatQuiet(context) : formatText(context, { color }),
    );

  const textOnStdout =
    allInFiles ||
    targets.some(
      (target) => target.path === null && target.format.name === 'text',
    );
  if (options.explain && textOnStdout)
    io.stdout(`\nWHY\n${formatExplanation(context.result)}`);

  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary && targets.some((target) => target.format.name === 'github')) {
    appendToFile(summary, formatMarkdown(context));
  }
}

/** `--config`, else the nearest `.plan-audit.yml`, unless `--no-config`. */
function loadConfig(
  options: Pick<AuditOptions, 'config'>,
  cwd: string,
): ConfigFile | null {
  const path =
    options.config === false
      ? null
      : typeof options.config === 'string'
        ? resolve(cwd, options.config)
        : findConfigFile(cwd);
  trace('config: %s', path ?? 'none');
  return path ? loadConfigFile(path) : null;
}

/**
 * Shipped rules first, then those the config names, then `--rules`: a
 * later rule with the same id overrides an earlier one, so the command
 * line wins over the config, and the config over the defaults.
 */
function ruleSources(
  options: Pick<AuditOptions, 'rules'>,
  config: ConfigFile | null,
): string[] {
  const fromConfig = config ? configRuleSources(config) : [];
  return [SHIPPED_RULES, ...fromConfig, ...(options.rules ?? [])];
}

function readBaseline(options: AuditOptions, cwd: string): Baseline | null {
  if (options.baseline === undefined) {
    if (options.writeBaseline === true) {
      throw new UsageError(
        '--write-baseline needs a file, or a --baseline to update',
      );
    }
    return null;
  }

  const path = resolve(cwd, options.baseline);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A first run that is to write the baseline has none to compare with.
    if (code === 'ENOENT' && options.writeBaseline !== undefined) return null;
    throw new UsageError(
      code === 'ENOENT'
        ? 'no such file (write one with --write-baseline)'
        : `cannot be read (${code})`,
      options.baseline,
    );
  }
  return parseBaseline(options.baseline, text);
}

/** A report must never replace the plan or the gap list. */
function refuseOverwritingInputs(
  targets: Target[],
  options: AuditOptions,
  inputs: string[],
  cwd: string,
): void {
  const real = new Set(
    inputs.map((path) => realPathOrNull(resolve(cwd, path))).filter(Boolean),
  );
  const writes = targets.flatMap((target) =>
    target.path === null ? [] : [target.path],
  );
  if (typeof options.writeBaseline === 'string')
    writes.push(options.writeBaseline);
  else if (options.writeBaseline === true && options.baseline)
    writes.push(options.baseline);

  const written = new Set<string>();
  for (const path of writes) {
    if (real.has(realPathOrNull(resolve(cwd, path)))) {
      throw new UsageError(
        'is an input of this audit; refusing to overwrite it with a report',
        path,
      );
    }
    if (written.has(resolve(cwd, path))) {
      throw new UsageError('is given twice as a file to write', path);
    }
    written.add(resolve(cwd, path));
  }
}

/** On GitHub Actions, link Markdown reports to the files at this commit. */
function githubLinkBase(env: NodeJS.ProcessEnv): string | undefined {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: sha,
  } = env;
  return server && repository && sha
    ? `${server}/${repository}/blob/${sha}/`
    : undefined;
}

function noStdin(): Promise<Buffer> {
  return Promise.reject(new UsageError('standard input is not available here'));
}

/** Colour only for a terminal, and never when NO_COLOR or --no-color says no. */
function useColor(options: AuditOptions, io: CliIo): boolean {
  if (!options.color) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTty;
}

function parseMegabytes(value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0) {
    throw new InvalidArgumentError(
      'expected a number of megabytes greater than 0',
    );
  }
  return number;
}

function reportError(error: unknown, io: CliIo, argv: string[]): number {
  if (error instanceof CommanderError && error.exitCode === 0) return 0;

  const tool = { name: TOOL_NAME, version: toolVersion() };
  const report = describeError(error, tool, EXIT_USAGE);
  io.stderr(formatErrorText(report));
  if (wantsJson(argv)) io.stdout(formatErrorJson(report));
  return EXIT_USAGE;
}

/** JSON on stdout (a --format json without an --output): errors go there too. */
function wantsJson(argv: string[]): boolean {
  const formats: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === '--format' || arg === '-f') formats.push(argv[index + 1] ?? '');
    else if (arg.startsWith('--format='))
      formats.push(arg.slice('--format='.length));
    else if (/^-f[^-]/.test(arg)) formats.push(arg.slice(2));
  });
  const toFiles = argv.some(
    (arg) => arg === '-o' || arg.startsWith('--output'),
  );
  return formats.includes('json') && !toFiles;
}
