import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

import type { Command } from 'commander';

import { audit } from '../audit.js';
import type { CliIo } from '../cli.js';
import { findConfigFile } from '../config/find.js';
import { configRuleSources, loadConfigFile } from '../config/load.js';
import { UsageError } from '../errors.js';
import {
  sourceFromBytes,
  hasUtf8Bom,
  readSourceBytes,
  readSourceFile,
} from '../input/read.js';
import type { Judgement } from '../model.js';
import { SHIPPED_RULES } from '../meta.js';
import { EXIT_FAILED, EXIT_OK } from '../policy.js';
import { loadRules } from '../rules/load.js';
import { buildFix } from './build.js';
import { unifiedDiff } from './diff.js';
import {
  formatDryRunNote,
  formatFixNotes,
  formatWritten,
  interactiveQuestion,
} from './report.js';
import { selectItems } from './select.js';
import { fixSettings } from './settings.js';
import { writeFileSafely } from './write.js';

interface FixOptions {
  write: boolean;
  only: string[];
  interactive: boolean;
  rules?: string[];
}

const FIX_HELP = `
Without --write nothing is changed: fix prints the change as a unified diff
(for review, or for "patch -p1") and exits 1 when there is something to add.

Each stub is a heading at the depth of the section it follows, with the
item's id, title and estimate, the item's own text from the gap list and a
note that the section still needs writing. It goes where the audit says
"add after", never inside a code block, list or table. Change the stub with
"fix.template" in .plan-audit.yml (placeholders: {{hashes}} {{heading}}
{{id}} {{title}} {{estimate}} {{priority}} {{label}} {{body}} {{origin}}).

--write keeps the file's line endings, byte order mark, final newline and
mode, changes no other byte, and refuses a file that changed since it was
read or that is read-only. A second run finds the stubs and adds nothing.

Exit codes:
  0  nothing to add, or the stubs were written
  1  dry run: there is something to add; or an item could not get a stub
  2  bad input or usage (one line on stderr)

Examples:
  $ plan-audit fix plan.md gaps.md                  # show the diff
  $ plan-audit fix plan.md gaps.md --write          # apply it
  $ plan-audit fix plan.md gaps.md --only "Gap 8" --only "Rollback Plan" --write
  $ plan-audit fix plan.md gaps.md --interactive --write
  $ plan-audit fix plan.md gaps.md --rules ./my-rules   # rules as for the audit
`;

/** Add `plan-audit fix` to the program; it inherits its output settings. */
export function addFixCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('fix')
    .description(
      'add a stub section to the plan for every missing required item (a dry run unless --write)',
    )
    .argument('<plan>', 'the Markdown plan to add stubs to')
    .argument('<gaps>', 'the gap list it is audited against')
    .option(
      '-w, --write',
      'change the plan file (default: print a unified diff)',
      false,
    )
    .option(
      '--only <item>',
      'only this item, by id or title; repeat for more (optional items too)',
      collect,
      [],
    )
    .option(
      '-i, --interactive',
      'ask for each item before adding it (needs a terminal)',
      false,
    )
    .addHelpText('after', FIX_HELP)
    .action(
      async (plan: string, gaps: string, _o: unknown, command: Command) => {
        // --rules belongs to the program, so that it reads the same everywhere.
        const options = command.optsWithGlobals() as FixOptions;
        setExit(await runFix(plan, gaps, options, io));
      },
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runFix(
  planPath: string,
  gapPath: string,
  options: FixOptions,
  io: CliIo,
): Promise<number> {
  if (options.interactive && !(io.stdinIsTty && io.ask)) {
    throw new UsageError(
      '--interactive needs a terminal on stdin; choose items with --only instead',
    );
  }

  // The same rules as the audit: shipped, then the config's, then --rules.
  const cwd = io.cwd ?? process.cwd();
  const configPath = findConfigFile(cwd);
  const config = configPath ? loadConfigFile(configPath) : null;
  const settings = fixSettings(config);
  const rules = loadRules([
    SHIPPED_RULES,
    ...(config ? configRuleSources(config) : []),
    ...(options.rules ?? []),
  ]);

  const bytes = readSourceBytes(planPath);
  const plan = sourceFromBytes(planPath, bytes);
  const gapList = readSourceFile(gapPath);
  if (realpathSync(planPath) === realpathSync(gapPath)) {
    throw new UsageError(
      'is given as both the plan and the gap list; pass two different files',
      gapPath,
    );
  }

  const result = audit(plan, gapList, rules);
  const selection = selectItems(result.judgements, gapList, options.only);
  const chosen = options.interactive
    ? await askEach(selection.chosen, result.plan.path, io)
    : selection.chosen;
  const outcome = buildFix({
    result,
    chosen,
    template: settings.template,
    rules,
    followNewlyMissing: options.only.length === 0 && !options.interactive,
  });

  io.stderr(formatFixNotes(selection.skipped, outcome, result.plan.path));
  if (outcome.stubs.length === 0) {
    return outcome.leftOut.length > 0 ? EXIT_FAILED : EXIT_OK;
  }

  if (!options.write) {
    const shown = diffPath(planPath, cwd);
    io.stdout(unifiedDiff(outcome.edits, shown));
    io.stderr(formatDryRunNote(outcome, planPath));
    return EXIT_FAILED;
  }

  const bom = hasUtf8Bom(bytes) ? bytes.subarray(0, 3) : Buffer.alloc(0);
  writeFileSafely({
    path: planPath,
    expected: bytes,
    content: Buffer.concat([bom, Buffer.from(outcome.text, 'utf8')]),
  });
  io.stdout(formatWritten(outcome, planPath));
  return outcome.leftOut.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Ask about each item in turn: yes, no, all the rest, or quit. */
async function askEach(
  judgements: Judgement[],
  planPath: string,
  io: CliIo,
): Promise<Judgement[]> {
  const ask = io.ask as NonNullable<CliIo['ask']>;
  const accepted: Judgement[] = [];

  for (let index = 0; index < judgements.length; index++) {
    const answer = (await ask(interactiveQuestion(judgements[index], planPath)))
      .trim()
      .toLowerCase();
    if (answer === 'a' || answer === 'all')
      return [...accepted, ...judgements.slice(index)];
    if (answer === 'q' || answer === 'quit') break;
    if (answer === 'y' || answer === 'yes') accepted.push(judgements[index]);
  }
  return accepted;
}

/** `a/docs/plan.md` as git shows it; an absolute path outside the folder stays as it is. */
function diffPath(path: string, cwd: string): { from: string; to: string } {
  const shown = isAbsolute(path) ? relative(cwd, path) : path;
  if (shown.startsWith('..') || isAbsolute(shown))
    return { from: path, to: path };

  const posix = shown.split(sep).join('/').replace(/^\.\//, '');
  return { from: `a/${posix}`, to: `b/${posix}` };
}
