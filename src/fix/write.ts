import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

import { UsageError } from '../errors.js';
import { holdingInterrupts } from '../output/interrupts.js';

/** The file system calls the writer makes; tests pass failing ones. */
export type WriteFs = Pick<
  typeof nodeFs,
  | 'accessSync'
  | 'chmodSync'
  | 'chownSync'
  | 'closeSync'
  | 'fsyncSync'
  | 'openSync'
  | 'readFileSync'
  | 'realpathSync'
  | 'renameSync'
  | 'statSync'
  | 'unlinkSync'
  | 'writeSync'
>;

export interface SafeWrite {
  /** The path as the user gave it, for messages. */
  path: string;
  /** The bytes the new content was computed from. */
  expected: Buffer;
  content: Buffer;
}

/**
 * Replace a file's content without ever leaving it half written, and only
 * if it still holds the bytes the change was computed from.
 *
 * The new content goes to a temporary file in the same folder (so the
 * rename cannot cross file systems), gets the original's mode (and owner,
 * where allowed), is flushed to disk, and is renamed over the original. A
 * symbolic link is followed, so the link stays a link. The file is
 * compared again just before the rename, to keep the window for a
 * concurrent editor small.
 */
export function writeFileSafely(
  request: SafeWrite,
  fs: WriteFs = nodeFs,
): void {
  const target = resolveTarget(request.path, fs);
  const stat = checkWritable(request.path, target, fs);

  refuseIfChanged(request, target, fs);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.plan-audit-tmp`,
  );

  try {
    holdingInterrupts(() => {
      writeTemp(temp, request.content, stat, fs);
      refuseIfChanged(request, target, fs);
      fs.renameSync(temp, target);
    });
  } catch (error) {
    removeQuietly(temp, fs);
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `could not be written: ${describe(error, dirname(target))}; the file is unchanged`,
      request.path,
    );
  }
}

function resolveTarget(path: string, fs: WriteFs): string {
  try {
    return fs.realpathSync(path);
  } catch (error) {
    throw new UsageError(`cannot be written: ${describe(error, path)}`, path);
  }
}

/**
 * A rename replaces a file whatever its own permissions say, and root may
 * write anything, so read-only is checked here: a file without any write
 * permission bit is read-only by the owner's choice, even for root.
 */
function checkWritable(
  path: string,
  target: string,
  fs: WriteFs,
): nodeFs.Stats {
  const stat = fs.statSync(target);
  if (!stat.isFile())
    throw new UsageError('is not a regular file; nothing written', path);
  if (stat.nlink > 1) {
    // Renaming a new file over it would leave the other names on the old text.
    throw new UsageError(
      `has ${stat.nlink} hard links, which fix would split; nothing written`,
      path,
    );
  }

  if ((stat.mode & 0o222) === 0) {
    throw new UsageError(
      'is read-only; make it writable (chmod u+w) to let fix change it; nothing written',
      path,
    );
  }
  try {
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch {
    throw new UsageError(
      'is not writable for this user (permission denied); nothing written',
      path,
    );
  }
  return stat;
}

function refuseIfChanged(
  request: SafeWrite,
  target: string,
  fs: WriteFs,
): void {
  const current = fs.readFileSync(target);
  if (!current.equals(request.expected)) {
    throw new UsageError(
      'changed since plan-audit read it; nothing written (run fix again)',
      request.path,
    );
  }
}

function writeTemp(
  temp: string,
  content: Buffer,
  stat: nodeFs.Stats,
  fs: WriteFs,
): void {
  const mode = stat.mode & 0o7777;
  const fd = fs.openSync(temp, 'wx', 0o600);

  try {
    let written = 0;
    while (written < content.length)
      written += fs.writeSync(fd, content, written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }

  // The umask shaped the mode given to open; set the original's exactly.
  fs.chmodSync(temp, mode);
  keepOwner(temp, stat, fs);
}

/** Only root can give a file away; for anyone else the owner is already them. */
function keepOwner(temp: string, stat: nodeFs.Stats, fs: WriteFs): void {
  if (process.getuid?.() !== 0) return;
  if (stat.uid === 0 && stat.gid === (process.getgid?.() ?? 0)) return;
  fs.chownSync(temp, stat.uid, stat.gid);
}

function removeQuietly(path: string, fs: WriteFs): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Never created, or already renamed: nothing to clean up.
  }
}

function describe(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM')
    return `permission denied in ${folder}`;
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOENT') return 'no such file';
  return code ?? String(error);
}
