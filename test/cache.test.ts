import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { sourceFromText } from '../src/input/read.js';
import {
  cacheFolder,
  readCachedOutline,
  writeCachedOutline,
} from '../src/plan/cache.js';
import { buildOutline } from '../src/plan/outline.js';
import { md, runCli, tempFiles } from './helpers.js';

const PLAN = md`
  # Plan
  ## Vault Secrets Management
  ## Health Check Endpoints
`;

const GAPS = md`
  ### Gap 1: Vault Secrets Management
  ### Gap 2: Health Check Endpoints
`;

const BIN = new URL('../bin/plan-audit.js', import.meta.url).pathname;

function entries(folder: string): string[] {
  return readdirSync(folder);
}

/** Run the real executable; resolves to its exit code and stdout. */
function runBin(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

describe('outline cache', () => {
  it('gives back what was stored for the same text, and nothing for other text', () => {
    const folder = tempFiles({});
    const plan = sourceFromText('plan.md', PLAN);
    const outline = buildOutline(plan);

    expect(readCachedOutline(folder, plan)).toBeNull();
    writeCachedOutline(folder, outline);

    expect(readCachedOutline(folder, plan)).toEqual(outline);
    expect(
      readCachedOutline(
        folder,
        sourceFromText('plan.md', `${PLAN}\n## More\n`),
      ),
    ).toBeNull();
  });

  it('treats a corrupt or truncated entry as a miss', () => {
    const folder = tempFiles({});
    const plan = sourceFromText('plan.md', PLAN);
    writeCachedOutline(folder, buildOutline(plan));
    const [entry] = entries(folder);
    const stored = readFileSync(join(folder, entry), 'utf8');

    writeFileSync(join(folder, entry), stored.slice(0, stored.length / 2));
    expect(readCachedOutline(folder, plan)).toBeNull();

    writeFileSync(
      join(folder, entry),
      JSON.stringify({ format: 1, key: 'other', sections: [], blocks: [] }),
    );
    expect(readCachedOutline(folder, plan)).toBeNull();
  });

  it('lives under PLAN_AUDIT_CACHE_DIR, XDG_CACHE_HOME or the home folder', () => {
    expect(cacheFolder({ PLAN_AUDIT_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheFolder({ XDG_CACHE_HOME: '/c', HOME: '/h' })).toBe(
      join('/c', 'plan-audit'),
    );
    if (process.platform === 'linux') {
      expect(cacheFolder({ HOME: '/h' })).toBe(
        join('/h', '.cache', 'plan-audit'),
      );
    }
    expect(cacheFolder({})).toBeNull();
  });

  it('is read on the second run, and skipped with --no-cache', async () => {
    const folder = tempFiles({ 'plan.md': PLAN, 'gaps.md': GAPS });
    const cache = join(folder, 'cache');
    const args = [join(folder, 'plan.md'), join(folder, 'gaps.md')];

    const first = await runCli(args, { PLAN_AUDIT_CACHE_DIR: cache });

    // Rename a heading inside the stored outline: a run that reads the
    // cache no longer finds the item, one that parses the plan does.
    const [entry] = entries(cache);
    const stored = readFileSync(join(cache, entry), 'utf8');
    writeFileSync(
      join(cache, entry),
      stored.replace('Vault Secrets Management', 'Kafka Topic Layout'),
    );

    const cached = await runCli(args, { PLAN_AUDIT_CACHE_DIR: cache });
    const parsed = await runCli([...args, '--no-cache'], {
      PLAN_AUDIT_CACHE_DIR: cache,
    });

    expect(first.code).toBe(0);
    expect(cached.code).toBe(1);
    expect(cached.stdout).toMatch(/MISSING +Gap 1/);
    expect(parsed).toEqual(first);
  });

  it('survives runs that fill it at the same time', async () => {
    const folder = tempFiles({ 'plan.md': PLAN, 'gaps.md': GAPS });
    const cache = join(folder, 'cache');
    const args = [join(folder, 'plan.md'), join(folder, 'gaps.md')];

    const runs = await Promise.all(
      [1, 2, 3].map(() => runBin(args, { PLAN_AUDIT_CACHE_DIR: cache })),
    );

    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
    expect(entries(cache)).toHaveLength(1);
    expect(entries(cache)[0]).toMatch(/^outline-[0-9a-f]{64}\.json$/);
  });
});
