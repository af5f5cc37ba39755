import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { md, runCli, tempFiles } from './helpers.js';

const schema = JSON.parse(
  readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8'),
);

const PLAN = md`
  # Plan
  ## Vault Secrets Management
  ## Health Check Endpoints
`;

const COMPLETE_GAPS = md`
  ### Gap 1: Vault Secrets Management 🔴
  ### Gap 2: Health Check Endpoints
`;

const INCOMPLETE_GAPS = `${COMPLETE_GAPS}### Gap 3: Model Checkpointing\n`;

describe('command line', () => {
  const folder = tempFiles({
    'plan.md': PLAN,
    'done.md': COMPLETE_GAPS,
    'open.md': INCOMPLETE_GAPS,
  });
  const path = (name: string) => join(folder, name);

  it('exits 0 when every required item is covered', async () => {
    const run = await runCli([path('plan.md'), path('done.md')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('exits 1 when a required item is missing', async () => {
    const run = await runCli([path('plan.md'), path('open.md')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/MISSING {4}Gap 3 {2}Model Checkpointing/);
  });

  it.each([
    [['nope.md', 'gaps.md'], /^plan-audit: nope\.md: no such file\n$/],
    [
      ['--format', 'xml', 'a.md', 'b.md'],
      /^plan-audit: option '-f, --format <format>' argument 'xml' is invalid/,
    ],
    [['only-one.md'], /^plan-audit: missing required argument 'gaps'/],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('refuses the same file as plan and gap list', async () => {
    const run = await runCli([path('plan.md'), path('plan.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is given as both the plan and the gap list');
  });

  it('prints JSON that follows the published schema, and nothing else', async () => {
    const run = await runCli([
      path('plan.md'),
      path('open.md'),
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout);

    const validate = new Ajv.default({ allErrors: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary).toMatchObject({ total: 3, present: 2, missing: 1 });
    expect(report.gaps[2]).toMatchObject({
      id: 'Gap 3',
      verdict: 'missing',
      suggestion: { afterLine: 3 },
    });
    expect(run.code).toBe(1);
  });

  it('never colours output that is not a terminal, and obeys NO_COLOR and --no-color', async () => {
    const plain = await runCli([path('plan.md'), path('open.md')]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);

    const { main } = await import('../src/cli.js');
    const capture = async (args: string[], env: NodeJS.ProcessEnv) => {
      let out = '';
      await main(args, {
        stdout: (text) => (out += text),
        stderr: () => {},
        env,
        stdoutIsTty: true,
      });
      return out;
    };
    expect(await capture([path('plan.md'), path('open.md')], {})).toMatch(
      /\u001b\[/,
    );
    expect(
      await capture([path('plan.md'), path('open.md')], { NO_COLOR: '1' }),
    ).not.toMatch(/\u001b\[/);
    expect(
      await capture([path('plan.md'), path('open.md'), '--no-color'], {}),
    ).not.toMatch(/\u001b\[/);
  });

  it('prints the version and a help that explains verdicts and exit codes', async () => {
    const version = await runCli(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('DUPLICATE');
  });
});
