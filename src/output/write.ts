import {
  appendFileSync,
  mkdirSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

import createDebug from 'debug';

import { UsageError } from '../errors.js';
import { holdingInterrupts } from './interrupts.js';

const trace = createDebug('plan-audit:output');

let counter = 0;

/**
 * Write a file so that readers see the old content or the new, never a
 * part: write a temporary file beside it, then rename it over the target
 * (atomic on one file system). On failure the temporary file is removed
 * and the target is untouched. `shown` is the path as the user gave it.
 */
export function writeFileAtomic(
  path: string,
  text: string,
  shown: string = path,
): void {
  const folder = dirname(path);
  const temporary = join(
    folder,
    `.${basename(path)}.${process.pid}.${counter++}.tmp`,
  );

  try {
    mkdirSync(folder, { recursive: true });
    holdingInterrupts(() => {
      writeFileSync(temporary, text, { flag: 'wx' });
      renameSync(temporary, path);
    });
    trace('wrote %s (%d bytes)', shown, Buffer.byteLength(text));
  } catch (error) {
    removeQuietly(temporary);
    throw new UsageError(`cannot be written (${describe(error)})`, shown);
  }
}

/** Append to a file such as `$GITHUB_STEP_SUMMARY`, which others also append to. */
export function appendToFile(path: string, text: string): void {
  try {
    appendFileSync(path, text);
    trace('appended %d bytes to %s', Buffer.byteLength(text), path);
  } catch (error) {
    throw new UsageError(`cannot be appended to (${describe(error)})`, path);
  }
}

/** The real path of a file, or null when it does not exist (yet). */
export function realPathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was written, or it is already gone: either way no leftover.
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? String(error);
}
