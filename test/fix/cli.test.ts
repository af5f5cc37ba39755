import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CONFIG_NAME as CONFIG_FILE } from '../../src/config/find.js';
import { md, runCli, tempFiles } from '../helpers.js';

const GAPS = md`
  # Gaps

  ### Gap 1: Rate Limiting (2 Hours)

  **Missing**: Per-caller limits.

  ### Gap 2: Rollback Plan (1 Hour)

  **Current State**: Not described.
  **Missing**: Who decides to roll back.

  ### Gap 3: Distributed Tracing (2 Hours)

  **Missing**: Spans across services.
`;

const PLAN = md`
  # Plan

  ## Rate limiting

  Token buckets per caller.

  ## Operations

  Dashboards.
`;

/** A folder with the two files; the CLI runs with it as working folder. */
function project(
  plan: string | Buffer = PLAN,
  extra: Record<string, string> = {},
) {
  const folder = tempFiles({ 'plan.md': plan, 'gaps.md': GAPS, ...extra });
  const planPath = join(folder, 'plan.md');
  const gapPath = join(folder, 'gaps.md');
  const run = (...args: string[]) => runCli(args, {}, { cwd: folder });
  return { folder, planPath, gapPath, run, read: () => readFileSync(planPath) };
}

describe('plan-audit fix (dry run)', () => {
  it('prints a unified diff, changes nothing and exits 1', async () => {
    const { planPath, gapPath, run, read } = project();

    const { code, stdout, stderr } = await run('fix', planPath, gapPath);

    expect(code).toBe(1);
    // The path is shown relative to the working folder, as git shows it.
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      '--- a/plan.md',
      '+++ b/plan.md',
    ]);
    expect(stdout.split('\n').slice(2).join('\n')).toMatchInlineSnapshot(`
      "@@ -4,6 +4,21 @@
       
       Token buckets per caller.
       
      +## Gap 2: Rollback Plan (1 Hour)
      +
      +**Current State**: Not described.
      +**Missing**: Who decides to roll back.
      +
      +> **To write:** plan-audit added this stub from the gap list (gaps.md:7).
      +> Replace this note with how the plan covers the item.
      +
      +## Gap 3: Distributed Tracing (2 Hours)
      +
      +**Missing**: Spans across services.
      +
      +> **To write:** plan-audit added this stub from the gap list (gaps.md:12).
      +> Replace this note with how the plan covers the item.
      +
       ## Operations
       
       Dashboards.
      "
    `);
    expect(stderr).toBe(
      `plan-audit: would add 2 stub sections to ${planPath}; run again with --write to apply\n`,
    );
    expect(read().toString()).toBe(PLAN);
  });
});

describe('plan-audit fix --write', () => {
  it('adds the stubs; then nothing is missing and a rerun adds nothing', async () => {
    const { planPath, gapPath, run, read } = project();

    const first = await run('fix', planPath, gapPath, '--write');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        `${planPath}: added 2 stub sections`,
        `  Gap 2 Rollback Plan at ${planPath}:7`,
        `  Gap 3 Distributed Tracing at ${planPath}:15`,
        '',
      ].join('\n'),
    );

    const written = read();
    expect((await run(planPath, gapPath)).code).toBe(0);

    const second = await run('fix', planPath, gapPath, '--write');
    expect(second).toEqual({
      code: 0,
      stdout: '',
      stderr: 'plan-audit: nothing to add: no missing item to fix\n',
    });
    expect(read()).toEqual(written);
  });

  it('keeps CRLF endings, the BOM, a missing final newline and the file mode', async () => {
    // The same plan as LF text, then as CRLF with a BOM and no final newline:
    // the result must be the LF result converted the same way, byte for byte.
    const lf = project();
    await lf.run('fix', lf.planPath, lf.gapPath, '--write');
    const expected = lf
      .read()
      .toString()
      .replace(/\n$/, '')
      .replace(/\n/g, '\r\n');

    const original = Buffer.from(
      `\uFEFF${PLAN.replace(/\n$/, '').replace(/\n/g, '\r\n')}`,
      'utf8',
    );
    const crlf = project(original);
    chmodSync(crlf.planPath, 0o640);

    const { code } = await crlf.run(
      'fix',
      crlf.planPath,
      crlf.gapPath,
      '--write',
    );

    expect(code).toBe(0);
    expect(crlf.read()).toEqual(Buffer.from(`\uFEFF${expected}`, 'utf8'));
    expect(isOneInsertion(original, crlf.read())).toBe(true);
    expect(statSync(crlf.planPath).mode & 0o777).toBe(0o640);
  });

  it('changes no byte of the plan besides inserting the stubs', async () => {
    const { planPath, gapPath, run, read } = project();
    const before = read();

    await run('fix', planPath, gapPath, '--write');

    expect(isOneInsertion(before, read())).toBe(true);
    expect(
      isOneInsertion(
        before,
        Buffer.from(`${PLAN.replace('Token', 'token')}more\n`),
      ),
    ).toBe(false);
  });

  it('refuses a read-only plan with one line on stderr and leaves it untouched', async () => {
    const { planPath, gapPath, run, read } = project();
    chmodSync(planPath, 0o444);

    const { code, stdout, stderr } = await run(
      'fix',
      planPath,
      gapPath,
      '--write',
    );

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `plan-audit: ${planPath}: is read-only; make it writable (chmod u+w) ` +
        'to let fix change it; nothing written\n',
    );
    expect(read().toString()).toBe(PLAN);
  });
});

describe('choosing items', () => {
  it('--only adds just the named items, by id or by title', async () => {
    const { planPath, gapPath, run } = project();

    const byId = await run('fix', planPath, gapPath, '--only', 'gap 3');
    expect(byId.stdout).toContain('+## Gap 3: Distributed Tracing (2 Hours)');
    expect(byId.stdout).not.toContain('Gap 2');

    const byTitle = await run(
      'fix',
      planPath,
      gapPath,
      '--only',
      'rollback plan',
      '--only',
      'Gap 3',
    );
    expect(byTitle.stdout).toContain('+## Gap 2: Rollback Plan (1 Hour)');
    expect(byTitle.stdout).toContain(
      '+## Gap 3: Distributed Tracing (2 Hours)',
    );
  });

  it('--only says why an item needs nothing, and refuses a name the gap list lacks', async () => {
    const { planPath, gapPath, run } = project();

    const present = await run('fix', planPath, gapPath, '--only', 'Gap 1');
    expect(present.code).toBe(0);
    expect(present.stderr).toContain(
      'plan-audit: Gap 1 Rate Limiting: nothing to add, it is already present in the plan\n',
    );

    const unknown = await run('fix', planPath, gapPath, '--only', 'Gap 99');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `plan-audit: ${gapPath}: --only "Gap 99" names no item of the gap ` +
        'list (ids: Gap 1, Gap 2, Gap 3)\n',
    );
  });

  it('notes when a stub changes the verdict of another item', async () => {
    const gaps = md`
      # Gaps

      ### Gap 1: Rate Limiting

      ### Gap 2: Distributed Tracing

      **Missing**: spans must survive a rollback plan drill.

      ### Gap 3: Rollback Plan
    `;
    const folder = tempFiles({ 'plan.md': PLAN, 'gaps.md': gaps });
    const { stderr } = await runCli(
      [
        'fix',
        join(folder, 'plan.md'),
        join(folder, 'gaps.md'),
        '--only',
        'Gap 2',
      ],
      {},
      { cwd: folder },
    );

    // The stub quotes Gap 2's text, which mentions Gap 3.
    expect(stderr).toContain(
      'plan-audit: note: the stubs change Gap 3 Rollback Plan from missing to partial\n',
    );
  });

  it('says when the item of a stub may already be in the plan under another name', async () => {
    const plan = md`
      # Plan

      ## Image build

      Images are built in CI and pushed to the registry. The registry's
      basic scan runs on push, and a critical finding fails the workflow.

      ## Paging

      Alerts page the on-call engineer.
    `;
    const folder = tempFiles({
      'plan.md': plan,
      'gaps.md': '### Gap 1: Container Image Scanning (1 Hour)\n',
    });
    const { code, stderr } = await runCli(
      ['fix', join(folder, 'plan.md'), join(folder, 'gaps.md')],
      {},
      { cwd: folder },
    );

    expect(code).toBe(1);
    expect(stderr).toContain(
      'plan-audit: note: Gap 1 Container Image Scanning may be under another name: ' +
        `${join(folder, 'plan.md')}:3-7 "Image build"; check it before keeping the stub\n`,
    );
  });

  it('--interactive refuses to run without a terminal', async () => {
    const { planPath, gapPath, run, read } = project();

    const { code, stderr } = await run(
      'fix',
      planPath,
      gapPath,
      '--interactive',
      '--write',
    );

    expect(code).toBe(2);
    expect(stderr).toBe(
      'plan-audit: --interactive needs a terminal on stdin; choose items with --only instead\n',
    );
    expect(read().toString()).toBe(PLAN);
  });

  it('--interactive asks per item and adds the accepted ones', async () => {
    const { folder, planPath, gapPath } = project();
    const questions: string[] = [];
    const answers = ['n', 'y'];
    const ask = async (question: string) => {
      questions.push(question);
      return answers.shift() ?? 'q';
    };

    const WHERE =
      '(the section of Gap 1 Rate Limiting)? ' +
      '[y]es, [n]o, [a]ll the rest, [q]uit: ';
    const { code, stdout } = await runCli(
      ['fix', planPath, gapPath, '--interactive'],
      {},
      { cwd: folder, stdinIsTty: true, ask },
    );

    expect(code).toBe(1);
    expect(questions).toEqual([
      `Add a stub for Gap 2 Rollback Plan after ${planPath}:6 ${WHERE}`,
      `Add a stub for Gap 3 Distributed Tracing after ${planPath}:6 ${WHERE}`,
    ]);
    expect(stdout).not.toContain('Gap 2');
    expect(stdout).toContain('+## Gap 3: Distributed Tracing (2 Hours)');
  });
});

describe('the stub template in .plan-audit.yml', () => {
  it('replaces the default stub', async () => {
    const config =
      'fix:\n  template: |\n    {{hashes}} {{heading}}\n\n    Owner: TBD ({{priority}} priority)\n';
    const { planPath, gapPath, run } = project(PLAN, { [CONFIG_FILE]: config });

    const { stdout } = await run('fix', planPath, gapPath, '--only', 'Gap 3');

    expect(stdout).toContain(
      '+## Gap 3: Distributed Tracing (2 Hours)\n+\n' +
        '+Owner: TBD (medium priority)\n+\n ## Operations',
    );
  });

  it('reports a bad template as file:line and exits 2', async () => {
    const config =
      'fix:\n  template: |\n    Intro first\n    {{hashes}} {{title}}\n';
    const { folder, planPath, gapPath, run } = project(PLAN, {
      [CONFIG_FILE]: config,
    });

    const { code, stderr } = await run('fix', planPath, gapPath);

    expect(code).toBe(2);
    expect(stderr).toBe(
      `plan-audit: ${join(folder, CONFIG_FILE)}:2: "fix.template": ` +
        'the first line must be the heading: ' +
        '"{{hashes}} " and then {{heading}} or {{title}}\n',
    );
  });

  it('reports an unknown key under fix', async () => {
    const { folder, planPath, gapPath, run } = project(PLAN, {
      [CONFIG_FILE]: 'fix:\n  templte: x\n',
    });
    const { code, stderr } = await run('fix', planPath, gapPath);

    expect(code).toBe(2);
    expect(stderr).toBe(
      `plan-audit: ${join(folder, CONFIG_FILE)}:2: unknown key "fix.templte"; expected template\n`,
    );
  });
});

describe('the command line around fix', () => {
  it('documents fix in --help', async () => {
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(
      /^\s+fix \[options\] <plan> <gaps>\s+add a stub section/m,
    );

    const fix = await runCli(['fix', '--help']);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('--only <item>');
    expect(fix.stdout).toContain('$ plan-audit fix plan.md gaps.md --write');
  });

  it('reads --rules for fix as for the audit, wherever it stands', async () => {
    const { folder, planPath, gapPath, run } = project();
    const missing = join(folder, 'no-such-rules');

    const { code, stderr } = await run(
      'fix',
      planPath,
      gapPath,
      '--rules',
      missing,
    );

    expect(code).toBe(2);
    expect(stderr).toBe(
      `plan-audit: ${missing}: no such rule file or folder\n`,
    );
  });

  it('still takes audit options after the two files', async () => {
    const { planPath, gapPath, run } = project();
    const { code, stdout } = await run(planPath, gapPath, '--format', 'json');

    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toHaveProperty('summary');
  });
});

/**
 * True when `after` is `before` with one run of bytes inserted somewhere
 * and no other byte changed.
 */
function isOneInsertion(before: Buffer, after: Buffer): boolean {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  const rest = before.subarray(prefix);
  return (
    after.length > before.length &&
    after.subarray(after.length - rest.length).equals(rest)
  );
}
