import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { packageRoot, toolVersion } from '../meta.js';
import type { Block, PlanOutline, Section, SourceFile } from '../model.js';

/** Bumped when the stored shape changes. */
const FORMAT = 1;

/** Compiled code an outline depends on: a rebuild invalidates the cache. */
const OUTLINE_CODE = ['dist/plan', 'dist/input', 'dist/text'];

interface Entry {
  format: number;
  key: string;
  sections: Section[];
  blocks: Block[];
}

/**
 * Where parsed outlines are kept: `PLAN_AUDIT_CACHE_DIR`, else the
 * platform's cache folder. Null when the environment names none.
 */
export function cacheFolder(env: NodeJS.ProcessEnv): string | null {
  if (env.PLAN_AUDIT_CACHE_DIR) return env.PLAN_AUDIT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'plan-audit');
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return join(env.LOCALAPPDATA, 'plan-audit', 'Cache');
  }

  const home = env.HOME || env.USERPROFILE;
  if (!home) return null;
  return process.platform === 'darwin'
    ? join(home, 'Library', 'Caches', 'plan-audit')
    : join(home, '.cache', 'plan-audit');
}

/**
 * The cached outline of a plan with exactly this text, or null. A missing,
 * unreadable or corrupt entry is a miss: the plan is parsed again and the
 * entry rewritten.
 */
export function readCachedOutline(
  folder: string,
  file: SourceFile,
): PlanOutline | null {
  const key = cacheKey(file);
  try {
    const entry = JSON.parse(
      readFileSync(entryPath(folder, key), 'utf8'),
    ) as Entry;
    if (!isEntry(entry, key)) return null;
    return { file, sections: entry.sections, blocks: entry.blocks };
  } catch {
    return null;
  }
}

/**
 * Store an outline. The entry is written under a name of its own and then
 * renamed into place, so a concurrent run reads the old entry or the new
 * one, never half of one. Failing to write (read-only folder, full disk)
 * only costs the next run a parse.
 */
export function writeCachedOutline(folder: string, outline: PlanOutline): void {
  const key = cacheKey(outline.file);
  const entry: Entry = {
    format: FORMAT,
    key,
    sections: outline.sections,
    blocks: outline.blocks,
  };
  const target = entryPath(folder, key);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { force: true });
  }
}

let codeFingerprint: string | undefined;

/** The text's hash, salted with the version and the outline code's build. */
function cacheKey(file: SourceFile): string {
  codeFingerprint ??= fingerprintCode();
  return createHash('sha256')
    .update(`${FORMAT}\0${toolVersion()}\0${codeFingerprint}\0`)
    .update(file.text)
    .digest('hex');
}

function fingerprintCode(): string {
  const parts: string[] = [];
  for (const folder of OUTLINE_CODE) {
    const path = join(packageRoot(), folder);
    try {
      for (const name of readdirSync(path).sort()) {
        const stats = statSync(join(path, name));
        parts.push(`${folder}/${name}:${stats.size}:${stats.mtimeMs}`);
      }
    } catch {
      parts.push(`${folder}:none`);
    }
  }
  return parts.join('\n');
}

function entryPath(folder: string, key: string): string {
  return join(folder, `outline-${key}.json`);
}

function isEntry(entry: Entry, key: string): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.format === FORMAT &&
    entry.key === key &&
    Array.isArray(entry.sections) &&
    Array.isArray(entry.blocks)
  );
}
