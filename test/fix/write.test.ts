import * as fs from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { writeFileSafely, type WriteFs } from '../../src/fix/write.js';
import { tempFiles } from '../helpers.js';

const OLD = Buffer.from('# Plan\n\n## A\n');
const NEW = Buffer.from('# Plan\n\n## A\n\n## B\n');

function planFile(content: Buffer = OLD): { folder: string; path: string } {
  const folder = tempFiles({ 'plan.md': content });
  return { folder, path: join(folder, 'plan.md') };
}

function leftovers(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name !== 'plan.md');
}

function errorOf(action: () => void): UsageError {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('writeFileSafely', () => {
  it('replaces the content and keeps the file mode', () => {
    const { folder, path } = planFile();
    fs.chmodSync(path, 0o640);

    writeFileSafely({ path, expected: OLD, content: NEW });

    expect(fs.readFileSync(path)).toEqual(NEW);
    expect(fs.statSync(path).mode & 0o7777).toBe(0o640);
    expect(leftovers(folder)).toEqual([]);
  });

  it('refuses a file that changed since it was read, and leaves it alone', () => {
    const { folder, path } = planFile();
    fs.writeFileSync(path, '# Plan\n\n## A, edited meanwhile\n');

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }),
    );

    expect(error.toLine()).toBe(
      `${path}: changed since plan-audit read it; nothing written (run fix again)`,
    );
    expect(fs.readFileSync(path, 'utf8')).toBe(
      '# Plan\n\n## A, edited meanwhile\n',
    );
    expect(leftovers(folder)).toEqual([]);
  });

  it('refuses a file changed while the temporary file is written', () => {
    const { folder, path } = planFile();
    // An editor saves between our first comparison and the rename.
    const racing: WriteFs = {
      ...fs,
      fsyncSync: (fd) => {
        fs.fsyncSync(fd);
        fs.writeFileSync(path, 'saved by an editor\n');
      },
    };

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }, racing),
    );

    expect(error.message).toMatch(/changed since plan-audit read it/);
    expect(fs.readFileSync(path, 'utf8')).toBe('saved by an editor\n');
    expect(leftovers(folder)).toEqual([]);
  });

  // Tests run as root in CI, where chmod does not stop a write; the writer
  // checks the permission bits itself, so this holds for root too.
  it('refuses a read-only file (mode 0444) with a clear message', () => {
    const { folder, path } = planFile();
    fs.chmodSync(path, 0o444);

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }),
    );

    expect(error.toLine()).toBe(
      `${path}: is read-only; make it writable (chmod u+w) to let fix change it; nothing written`,
    );
    expect(fs.readFileSync(path)).toEqual(OLD);
    expect(fs.statSync(path).mode & 0o777).toBe(0o444);
    expect(leftovers(folder)).toEqual([]);
  });

  // A read-only folder does not stop root either, so the folder's refusal
  // is injected as the error the operating system gives.
  it('reports a folder it cannot create the temporary file in', () => {
    const { folder, path } = planFile();
    const denied: WriteFs = {
      ...fs,
      openSync: () => {
        throw Object.assign(new Error('EACCES: permission denied'), {
          code: 'EACCES',
        });
      },
    };

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }, denied),
    );

    expect(error.toLine()).toBe(
      `${path}: could not be written: permission denied in ` +
        `${fs.realpathSync(folder)}; the file is unchanged`,
    );
    expect(fs.readFileSync(path)).toEqual(OLD);
  });

  it('removes the temporary file when the rename fails', () => {
    const { folder, path } = planFile();
    const failing: WriteFs = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      },
    };

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }, failing),
    );

    expect(error.message).toBe(
      'could not be written: the file system is read-only; the file is unchanged',
    );
    expect(fs.readFileSync(path)).toEqual(OLD);
    expect(leftovers(folder)).toEqual([]);
  });

  it('writes through a symbolic link and keeps the link', () => {
    const { folder, path } = planFile();
    const link = join(folder, 'link.md');
    fs.symlinkSync(path, link);

    writeFileSafely({ path: link, expected: OLD, content: NEW });

    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path)).toEqual(NEW);
  });

  it('refuses a file with another hard link, which a rename would split', () => {
    const { folder, path } = planFile();
    fs.linkSync(path, join(folder, 'other-name.md'));

    const error = errorOf(() =>
      writeFileSafely({ path, expected: OLD, content: NEW }),
    );

    expect(error.message).toBe(
      'has 2 hard links, which fix would split; nothing written',
    );
    expect(fs.readFileSync(path)).toEqual(OLD);
  });
});
