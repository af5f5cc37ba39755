import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { policyFromConfig } from '../src/config/policy.js';
import { fixtureGaps, fixturePlan } from './ci-fixture.js';
import { tempFiles } from './helpers.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const BIN = fileURLToPath(new URL('../bin/plan-audit.js', import.meta.url));

/** The first ```yaml block after a README heading. */
function yamlAfter(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, `README has "${heading}"`).toBeGreaterThan(0);
  const block = /```yaml\n([\s\S]*?)```/.exec(README.slice(start));
  return block![1];
}

/** The plan-audit arguments of a recipe's command line (`npx plan-audit ...`). */
function argsOf(command: string): string[] {
  const words = command.trim().split(/\s+/);
  expect(words.slice(0, 2)).toEqual(['npx', 'plan-audit']);
  return words.slice(2);
}

/** A repository with the plan split in two chapters under docs/plan/. */
function repository(): string {
  const [intro, rest] = fixturePlan.split('## Audit Logging\n');
  const dir = tempFiles({});
  mkdirSync(join(dir, 'docs', 'plan'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'plan', '1-intro.md'), intro);
  writeFileSync(
    join(dir, 'docs', 'plan', '2-services.md'),
    `## Audit Logging\n${rest}`,
  );
  writeFileSync(join(dir, 'docs', 'gaps.md'), fixtureGaps);
  return dir;
}

/** Run the real executable, as the CI would after `npm ci`. */
function runBin(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('README: Use in CI', () => {
  it('GitHub Actions: annotations, job summary and a SARIF file for upload', () => {
    const workflow = parse(yamlAfter('### GitHub Actions'));
    const steps = workflow.jobs.audit.steps as Array<Record<string, any>>;
    const command = steps.find((step) =>
      String(step.run).includes('plan-audit'),
    )!.run as string;
    const upload = steps.find((step) =>
      String(step.uses).startsWith('github/codeql-action/upload-sarif'),
    )!;

    const dir = repository();
    writeFileSync(join(dir, 'summary.md'), '');
    const env = {
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/plans',
      GITHUB_SHA: 'abc123',
    };
    const run = runBin(dir, argsOf(command), env);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error file=docs/gaps.md,line=7,title=Missing%3A Gap 2 Backups',
    );
    expect(run.stdout).toContain(
      '::warning file=docs/plan/2-services.md,line=1,endLine=4,',
    );

    const sarif = JSON.parse(
      readFileSync(join(dir, upload.with.sarif_file), 'utf8'),
    );
    expect(sarif.runs[0].results.map((result: any) => result.ruleId)).toContain(
      'plan-audit/missing',
    );

    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('## ❌ plan-audit: score 54.5/100');
    expect(summary).toContain(
      '(https://github.com/acme/plans/blob/abc123/docs/plan/1-intro.md#L3)',
    );
  });

  it('GitLab CI: a JUnit report the job declares, and the JSON kept', () => {
    const config = parse(yamlAfter('### GitLab CI'));
    const job = config['plan-audit'];
    const command = (job.script as string[]).find((line) =>
      line.includes('plan-audit'),
    )!;

    const dir = repository();
    const run = runBin(dir, argsOf(command));

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Score 54.5/100');
    const junit = readFileSync(join(dir, job.artifacts.reports.junit), 'utf8');
    expect(junit).toContain(
      '<testsuite name="docs/gaps.md" tests="5" failures="2" errors="0" skipped="1">',
    );
    for (const path of job.artifacts.paths)
      expect(JSON.parse(readFileSync(join(dir, path), 'utf8')).score).toBe(
        54.5,
      );
  });

  it('pre-commit: the hook fails with only the failures and the score', () => {
    const config = parse(yamlAfter('### pre-commit'));
    const hook = config.repos[0].hooks[0];

    const dir = repository();
    const run = runBin(dir, argsOf(hook.entry));

    expect(hook.pass_filenames).toBe(false);
    expect(new RegExp(hook.files).test('docs/plan/1-intro.md')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'docs/gaps.md:7: Gap 2 Backups (critical) is missing from the plan; add it after docs/plan/1-intro.md:6. [plan-audit/missing]',
      'docs/plan/2-services.md:13-15: Gap 5 Legacy SOAP Gateway (medium) is still in the plan (docs/plan/2-services.md:13-15); the gap list asks to remove it. [plan-audit/not-removed]',
      'Fails: 2 items fail the policy (fail on: missing)',
      'Score 54.5/100 (failed)',
    ]);
  });

  it('the config example is a valid policy', () => {
    const text = yamlAfter('## When a run fails');
    const data = parse(text);
    const config = {
      path: '.plan-audit.yml',
      data,
      lineOf: () => 1,
      resolvePath: (path: string) => path,
    };

    expect(policyFromConfig(config)).toEqual({
      failOn: ['missing', 'partial'],
      minScore: 70,
      maxMissing: 2,
      gates: { critical: 'fail', high: 'fail', medium: 'warn', low: 'warn' },
    });
  });
});

describe('the executable', () => {
  it('reads a document from standard input', () => {
    const dir = repository();
    const run = spawnSync(
      process.execPath,
      [BIN, '-', 'docs/gaps.md', '-f', 'compact', '--stdin-name', 'plan.md'],
      {
        cwd: dir,
        input: fixturePlan,
        encoding: 'utf8',
      },
    );

    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      'docs/gaps.md:7:1: error: Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6. [plan-audit/missing]',
    );
  });
});

describe('README: Editors', () => {
  it('the VS Code problem matcher reads every line of the compact format', () => {
    const start = README.indexOf('\n### Editors\n');
    const task = JSON.parse(
      /```json\n([\s\S]*?)```/.exec(README.slice(start))![1],
    );
    const { pattern } = task.problemMatcher;

    const dir = repository();
    const run = runBin(dir, argsOf(task.command));
    const lines = run.stdout.trim().split('\n');

    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const match = new RegExp(pattern.regexp).exec(line);
      expect(match, line).not.toBeNull();
      expect(match![pattern.file]).toMatch(/^docs\//);
      expect(match![pattern.code]).toMatch(/^plan-audit\//);
    }
  });
});
