import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import createDebug from 'debug';

import type { PlanFiles } from '../audit.js';
import { UsageError } from '../errors.js';
import type { SourceFile } from '../model.js';
import { DEFAULT_LIMITS } from './limits.js';
import { readSourceFile, sizeLimitError, sourceFromBytes } from './read.js';
import { isSameFile } from './same-file.js';

const trace = createDebug('plan-audit:input');

/** The argument that stands for standard input. */
export const STDIN_ARG = '-';

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

/** Where paths are relative to and how to reach standard input. */
export interface InputContext {
  cwd: string;
  /** Reads all of standard input (at most `maxBytes` + 1); called once per run. */
  readStdin: (maxBytes?: number) => Promise<Buffer>;
  /** The name standard input goes by in reports. */
  stdinName: string;
  /** Larger files, and more from standard input, are refused. */
  maxBytes?: number;
}

/**
 * Read the plan: one file, several files, or folders of Markdown files
 * (chapters), read in the order given; a folder's files are read in
 * natural order of their paths (`2-x.md` before `10-y.md`). `-` is
 * standard input. Paths in reports stay as the user wrote them.
 */
export async function readPlan(
  args: string[],
  input: InputContext,
): Promise<PlanFiles> {
  const files: SourceFile[] = [];

  for (const arg of args) {
    if (arg === STDIN_ARG) {
      files.push(await readStdinSource(input));
      continue;
    }
    const found = isFolder(resolve(input.cwd, arg))
      ? markdownFilesIn(arg, input.cwd)
      : [arg];
    for (const path of found) files.push(readAt(path, input));
  }

  refuseRepeats(files);
  trace(
    'plan: %d file(s): %o',
    files.length,
    files.map((file) => `${file.path} (${file.lines} lines)`),
  );
  return {
    files,
    label: args.length === 1 && args[0] !== STDIN_ARG ? args[0] : undefined,
  };
}

/** Read the gap list: one file or `-`. */
export async function readGapList(
  arg: string,
  input: InputContext,
): Promise<SourceFile> {
  const file =
    arg === STDIN_ARG ? await readStdinSource(input) : readAt(arg, input);
  trace('gap list: %s (%d lines)', file.path, file.lines);
  return file;
}

/** Read a file relative to `cwd`, naming it in errors as the user did. */
function readAt(path: string, input: InputContext): SourceFile {
  try {
    return {
      ...readSourceFile(resolve(input.cwd, path), input.maxBytes),
      path,
    };
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message, path);
    throw error;
  }
}

async function readStdinSource(input: InputContext): Promise<SourceFile> {
  const maxBytes = input.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const bytes = await input.readStdin(maxBytes);
  if (bytes.length > maxBytes)
    throw sizeLimitError(input.stdinName, null, maxBytes);

  return sourceFromBytes(input.stdinName, bytes);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The Markdown files below a folder, hidden entries and node_modules left
 * out, as paths that start with the folder as given.
 */
function markdownFilesIn(folder: string, cwd: string): string[] {
  const root = resolve(cwd, folder);
  const found: string[] = [];

  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && MARKDOWN_FILE.test(entry.name))
        found.push(path);
    }
  };
  walk(root);

  if (found.length === 0) {
    throw new UsageError(
      'is a folder without Markdown files (*.md); expected the plan',
      folder,
    );
  }

  const collator = new Intl.Collator('en', { numeric: true });
  return found
    .map((path) => relative(root, path))
    .sort((a, b) => collator.compare(a, b))
    .map((path) => join(folder, path));
}

/** The gap list cannot also be (part of) the plan. */
export function refuseGapListInPlan(
  planArgs: string[],
  gapArg: string,
  cwd: string,
): void {
  if (gapArg === STDIN_ARG) {
    if (planArgs.includes(STDIN_ARG)) {
      throw new UsageError(
        'standard input (-) can be only one of the two documents',
      );
    }
    return;
  }

  const gapPath = realpathSync(resolve(cwd, gapArg));
  for (const arg of planArgs) {
    if (arg === STDIN_ARG) continue;
    const planPath = realpathSync(resolve(cwd, arg));
    const inside = planPath === gapPath || gapPath.startsWith(`${planPath}/`);
    if (inside || isSameFile(planPath, gapPath)) {
      throw new UsageError(
        'is given as both the plan and the gap list; pass two different files',
        gapArg,
      );
    }
  }
}

function refuseRepeats(files: SourceFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new UsageError('is given twice as part of the plan', file.path);
    seen.add(file.path);
  }
}
