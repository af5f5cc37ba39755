import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { tempFiles } from './helpers.js';
import { BIN, hasStackTrace, snapshot, startBin } from './process-helpers.js';

/** A gap list of 400 items: its JSON report is far larger than a pipe buffer. */
function largePair(): Record<string, string> {
  let gaps = '# Gaps\n\n';
  let plan = '# Plan\n\n';
  for (let item = 1; item <= 400; item++) {
    gaps += `## Gap ${item}: Widget number ${item} handling\n\nDescribe widget ${item}.\n\n`;
    if (item % 3 === 0)
      plan += `## Widget number ${item} handling\n\nDone.\n\n`;
  }
  return { 'plan.md': plan, 'gaps.md': gaps };
}

describe('the process', () => {
  it.each(['json', 'text'])(
    'ends quietly, keeping the audit exit code, when stdout closes early (%s)',
    (format) => {
      const folder = tempFiles(largePair());
      const audit = `node "${BIN}" plan.md gaps.md --format ${format}`;
      const script = `${audit} | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`;
      const result = spawnSync('bash', ['-c', script], {
        cwd: folder,
        encoding: 'utf8',
      });

      expect(result.stderr).toBe('exit 1\n');
    },
  );

  it('reports a full disk on one line with exit 2', () => {
    const folder = tempFiles(largePair());
    const result = spawnSync(
      'bash',
      ['-c', `node "${BIN}" plan.md gaps.md > /dev/full`],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );

    expect(result.stderr).toBe(
      'plan-audit: cannot write to standard output (ENOSPC)\n',
    );
    expect(result.status).toBe(2);
  });

  it('ends on SIGINT without a trace and without leaving files behind', async () => {
    // A plan large enough that the run is still parsing when the signal comes.
    const section =
      '## Widget handling\n\nSome words about widgets, *emphasis* and `code`.\n\n';
    const folder = tempFiles({
      ...largePair(),
      'plan.md': `# Plan\n\n${section.repeat(20_000)}`,
    });
    const before = snapshot(folder);

    const child = startBin(['plan.md', 'gaps.md', '--format', 'json'], folder);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    setTimeout(() => child.kill('SIGINT'), 500);
    const [code, signal] = (await once(child, 'exit')) as [
      number | null,
      NodeJS.Signals | null,
    ];

    expect(String(signal ?? code)).toMatch(/^(SIGINT|130)$/);
    expect(hasStackTrace(stderr)).toBe(false);
    // The report is written in one piece at the end, never half of it.
    expect(stdout).toBe('');
    expect(snapshot(folder)).toEqual(before);
  });

  it('finishes a report file it is writing when SIGINT comes, then exits 130', async () => {
    const folder = tempFiles({});
    const write = fileURLToPath(
      new URL('../dist/output/write.js', import.meta.url),
    );
    // Large enough that the write takes a while; the wait after it lets a
    // late signal arrive before the process would end anyway.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(write)};
      const text = 'x'.repeat(150_000_000);
      await new Promise((resolve) => setTimeout(resolve, 10));
      process.stderr.write('writing\\n');
      writeFileAtomic('report.txt', text);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    `;
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        cwd: folder,
      },
    );
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('writing'))
        setTimeout(() => child.kill('SIGINT'), 20);
    });
    const [code, signal] = (await once(child, 'exit')) as [
      number | null,
      string | null,
    ];

    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(readdirSync(folder)).toEqual(['report.txt']);
    expect(statSync(join(folder, 'report.txt')).size).toBe(150_000_000);
  });
});
