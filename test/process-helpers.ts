import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built executable, as users run it (`npm test` builds first). */
export const BIN = fileURLToPath(
  new URL('../bin/plan-audit.js', import.meta.url),
);

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a child process in `cwd`, with a clean environment. */
export function runBin(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Buffer },
): ProcessResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Start the built CLI without waiting, for signals. */
export function startBin(args: string[], cwd: string) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH },
  });
}

/**
 * Every file below a folder with its size, modification time and content
 * hash: two snapshots are equal only if nothing was created or changed.
 */
export function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};

  const walk = (path: string, name: string) => {
    const stats = lstatSync(path);
    if (stats.isDirectory()) {
      entries[name + '/'] = `dir ${stats.mtimeMs}`;
      for (const child of readdirSync(path).sort())
        walk(join(path, child), `${name}/${child}`);
    } else if (stats.isFile()) {
      const hash = createHash('sha256')
        .update(readFileSync(path))
        .digest('hex');
      entries[name] = `${stats.size} ${stats.mtimeMs} ${stats.mode} ${hash}`;
    } else {
      entries[name] = `other ${stats.mtimeMs}`;
    }
  };
  walk(folder, '.');
  return entries;
}

/** True when stderr holds something that looks like a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text) || /node:internal|Node\.js v\d/.test(text);
}
