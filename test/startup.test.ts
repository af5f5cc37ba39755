import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { runCli } from './helpers.js';

const BIN = new URL('../bin/plan-audit.js', import.meta.url).pathname;

describe('start-up', () => {
  it.each(['--version', '-V'])(
    'answers %s without loading the CLI, as the CLI would',
    async (flag) => {
      const fast = execFileSync(process.execPath, [BIN, flag], {
        encoding: 'utf8',
      });
      const full = await runCli([flag]);

      expect(fast).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(fast).toBe(full.stdout);
    },
  );
});
