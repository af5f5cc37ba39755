import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { main } from '../src/cli.js';
import { Progress } from '../src/report/progress.js';
import { md, tempFiles } from './helpers.js';

const PLAN = md`
  # Plan
  ## Vault Secrets Management
`;

describe('progress line', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays silent for the first second, then draws, updates and clears', () => {
    vi.useFakeTimers();
    let written = '';
    const progress = new Progress((text) => {
      written += text;
    }, 'parsing plan.md…');

    vi.advanceTimersByTime(999);
    expect(written).toBe('');

    vi.advanceTimersByTime(1);
    progress.update('parsing plan.md (2/8)…');
    progress.stop();
    expect(written).toBe(
      '\r\u001b[Kparsing plan.md…\r\u001b[Kparsing plan.md (2/8)…\r\u001b[K',
    );
  });

  it('never draws when the work ends within the second', () => {
    vi.useFakeTimers();
    let written = '';
    const progress = new Progress((text) => {
      written += text;
    }, 'parsing plan.md…');

    progress.update('matching items…');
    progress.stop();
    vi.advanceTimersByTime(5000);
    expect(written).toBe('');
  });
});

describe('--watch', () => {
  it('audits again when the gap list changes, until stopped', async () => {
    const folder = tempFiles({
      'plan.md': PLAN,
      'gaps.md': '### Gap 1: Vault Secrets Management\n',
    });
    const controller = new AbortController();
    let stdout = '';

    const running = main(
      [
        join(folder, 'plan.md'),
        join(folder, 'gaps.md'),
        '--watch',
        '--no-cache',
      ],
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => {},
        env: {},
        stdoutIsTty: false,
        signal: controller.signal,
      },
    );

    await vi.waitFor(() => expect(stdout).toContain('PRESENT'), {
      timeout: 10_000,
    });
    expect(stdout).not.toContain('MISSING');

    // Give the watcher a moment to start before the change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(join(folder, 'gaps.md'), '### Gap 1: Kafka Topic Layout\n');
    await vi.waitFor(() => expect(stdout).toContain('MISSING'), {
      timeout: 10_000,
    });

    controller.abort();
    expect(await running).toBe(1);
  });
});
