import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { fixtureGaps, fixturePlan, runIn } from './ci-fixture.js';
import { tempFiles } from './helpers.js';

function project(extra: Record<string, string> = {}): string {
  return tempFiles({
    'plan.md': fixturePlan,
    'gaps.md': fixtureGaps,
    ...extra,
  });
}

describe('--format and --output', () => {
  it('writes each format to its file and still prints the text summary', async () => {
    const dir = project();
    const run = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '-f',
      'sarif',
      '-o',
      'out/a.sarif',
      '-f',
      'junit',
      '-o',
      'b.xml',
    ]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Score 54.5/100');
    expect(
      JSON.parse(readFileSync(join(dir, 'out/a.sarif'), 'utf8')).version,
    ).toBe('2.1.0');
    expect(readFileSync(join(dir, 'b.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(readdirSync(dir).sort()).toEqual([
      'b.xml',
      'gaps.md',
      'out',
      'plan.md',
    ]);
  });

  it('sends the one format without an output to stdout', async () => {
    const dir = project();
    const run = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '-f',
      'json',
      '-o',
      'r.json',
      '-f',
      'compact',
    ]);

    expect(run.stdout.split('\n')[0]).toMatch(/^gaps\.md:7:1: error: /);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).score).toBe(
      54.5,
    );
  });

  it.each([
    [
      ['-f', 'json', '-f', 'sarif'],
      'only one format can go to standard output, not json, sarif',
    ],
    [
      ['-o', 'a.txt', '-o', 'b.txt'],
      '--output b.txt has no --format to go with it',
    ],
    [
      ['-f', 'yaml'],
      "option '-f, --format <format>' argument 'yaml' is invalid. expected one of text, json",
    ],
    [
      ['-f', 'json', '-o', 'plan.md'],
      'plan.md: is an input of this audit; refusing to overwrite it',
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const dir = project();
    const run = await runIn(dir, ['plan.md', 'gaps.md', ...args]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(fixturePlan);
  });

  it('writes nothing and leaves no temporary file when writing fails', async () => {
    const dir = project({ blocker: 'a file, not a folder\n' });
    mkdirSync(join(dir, 'taken.json'));
    writeFileSync(join(dir, 'taken.json', 'keep.txt'), 'kept\n');

    const intoFile = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '-f',
      'json',
      '-o',
      'blocker/r.json',
    ]);
    expect(intoFile.code).toBe(2);
    expect(intoFile.stderr).toMatch(
      /^plan-audit: blocker\/r\.json: cannot be written \(/,
    );
    expect(intoFile.stdout).toBe('');

    const overFolder = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '-f',
      'json',
      '-o',
      'taken.json',
    ]);
    expect(overFolder.code).toBe(2);
    expect(overFolder.stderr).toBe(
      'plan-audit: taken.json: cannot be written (is a folder)\n',
    );
    expect(readFileSync(join(dir, 'taken.json', 'keep.txt'), 'utf8')).toBe(
      'kept\n',
    );
    expect(readdirSync(dir).sort()).toEqual([
      'blocker',
      'gaps.md',
      'plan.md',
      'taken.json',
    ]);
  });

  it('replaces an existing report in one step', async () => {
    const dir = project({ 'r.json': 'old\n' });
    await runIn(dir, ['plan.md', 'gaps.md', '-f', 'json', '-o', 'r.json']);

    expect(
      JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).schemaVersion,
    ).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual(
      [],
    );
  });
});

describe('fail policies', () => {
  it.each([
    [[], 1],
    [['--fail-on', 'partial'], 1],
    [['--fail-on', 'duplicate', '--max-missing', '1'], 1],
    [['--max-missing', '2'], 0],
    [['--max-missing', '1'], 1],
    [['--max-missing', '5', '--min-score', '54.5'], 0],
    [['--max-missing', '5', '--min-score', '60'], 1],
  ])('%j exits %i', async (args, code) => {
    const run = await runIn(project(), ['plan.md', 'gaps.md', '-q', ...args]);
    expect(run.code).toBe(code);
  });

  it('says why the run fails', async () => {
    const run = await runIn(project(), [
      'plan.md',
      'gaps.md',
      '-q',
      '--max-missing',
      '1',
      '--min-score',
      '60',
    ]);
    expect(run.stdout).toBe(
      [
        'gaps.md:7: Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6. [plan-audit/missing]',
        'plan.md:19-21: Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan.md:19-21); the gap list asks to remove it. [plan-audit/not-removed]',
        'Fails: 2 items are missing, more than the 1 allowed',
        'Fails: the score 54.5 is below the minimum 60',
        'Score 54.5/100 (failed)',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['--min-score', '101', 'expected a number from 0 to 100'],
    ['--max-missing', '-1', 'expected a whole number of 0 or more'],
    [
      '--fail-on',
      'missing,late',
      'unknown verdict "late"; expected missing, partial, duplicate',
    ],
  ])('refuses %s %s', async (option, value, message) => {
    const run = await runIn(project(), ['plan.md', 'gaps.md', option, value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('.plan-audit.yml', () => {
  it('is found from a subfolder and sets the policy; options win', async () => {
    const dir = project({
      '.plan-audit.yml': 'gates:\n  critical: warn\n  medium: warn\n',
    });
    mkdirSync(join(dir, 'docs'));

    const passing = await runIn(join(dir, 'docs'), [
      '../plan.md',
      '../gaps.md',
      '-f',
      'compact',
    ]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('../gaps.md:7:1: warning: Gap 2 Backups');

    const failing = await runIn(join(dir, 'docs'), [
      '../plan.md',
      '../gaps.md',
      '--fail-on',
      'partial',
      '-q',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Gap 4 Caching (high) is only mentioned');
  });

  it('reports every problem as file:line: message and exits 2', async () => {
    const config = [
      'failOn: [missing, late]',
      'minScore: 120',
      'gates:',
      '  urgent: fail',
      '  low: maybe',
      'colour: red',
      '',
    ].join('\n');
    const dir = project({ '.plan-audit.yml': config });
    const run = await runIn(dir, ['plan.md', 'gaps.md']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `plan-audit: ${dir}/.plan-audit.yml:6: unknown key "colour" (expected one of: rules, failOn, minScore, maxMissing, gates, fix)\n`,
    );

    writeFileSync(
      join(dir, '.plan-audit.yml'),
      config.replace('colour: red\n', ''),
    );
    const again = await runIn(dir, ['plan.md', 'gaps.md']);
    const path = `${dir}/.plan-audit.yml`;
    expect(again.stderr.split('\n')).toEqual([
      `plan-audit: ${path}:1: unknown verdict "late" in failOn; expected missing, partial, duplicate`,
      `plan-audit: ${path}:2: expected a number from 0 to 100, got 120`,
      `plan-audit: ${path}:4: unknown priority "urgent" in gates; expected critical, high, medium, low`,
      `plan-audit: ${path}:5: unknown gate "maybe" for low; expected fail or warn`,
      '',
    ]);
  });

  it('reports a YAML syntax error with its line', async () => {
    const dir = project({ 'ci.yml': 'minScore: 80\ngates: [critical\n' });
    const run = await runIn(dir, ['plan.md', 'gaps.md', '--config', 'ci.yml']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^plan-audit: ${dir}/ci\\.yml:\\d: `),
    );
  });

  it('is skipped with --no-config', async () => {
    const dir = project({ '.plan-audit.yml': 'bogus: 1\n' });
    expect(
      (await runIn(dir, ['plan.md', 'gaps.md', '--no-config', '-q'])).code,
    ).toBe(1);
  });
});

describe('baselines', () => {
  it('fails only on regressions and lists improvements', async () => {
    const dir = project();
    const first = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '--baseline',
      'base.json',
      '--write-baseline',
      '-q',
    ]);
    expect(first.code).toBe(1);
    expect(existsSync(join(dir, 'base.json'))).toBe(true);

    const same = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '--baseline',
      'base.json',
      '-q',
    ]);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('Score 54.5/100\n');

    // Backups gets a section; Rate Limiting loses its own.
    const edited = fixturePlan
      .replace('## Rate Limiting', '## Throughput')
      .concat('\n## Backups\n\nNightly.\n');
    writeFileSync(join(dir, 'plan.md'), edited);
    const changed = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '--baseline',
      'base.json',
    ]);

    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('Compared with base.json: score 54.5 → ');
    expect(changed.stdout).toContain(
      '  worse   Gap 1 Rate Limiting: present → ',
    );
    expect(changed.stdout).toContain(
      '  better  Gap 2 Backups: missing → present',
    );
    expect(changed.stdout).toMatch(/Fails: 1 item fails the policy/);
  });

  it('refuses a file that is not a report', async () => {
    const dir = project({ 'base.json': '{"gaps": 3}' });
    const run = await runIn(dir, [
      'plan.md',
      'gaps.md',
      '--baseline',
      'base.json',
    ]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan-audit: base.json: is not a plan-audit JSON report (expected "score" and a "gaps" list)\n',
    );
  });

  it.each([
    [
      ['--write-baseline'],
      'plan-audit: --write-baseline needs a file, or a --baseline to update\n',
    ],
    [
      ['-f', 'json', '-o', 'r.json', '--write-baseline', 'r.json'],
      'plan-audit: r.json: is given twice as a file to write\n',
    ],
  ])('refuses %j', async (args, message) => {
    const run = await runIn(project(), ['plan.md', 'gaps.md', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it('refuses a missing baseline unless it is to be written', async () => {
    const run = await runIn(project(), [
      'plan.md',
      'gaps.md',
      '--baseline',
      'none.json',
    ]);
    expect(run.stderr).toBe(
      'plan-audit: none.json: no such file (write one with --write-baseline)\n',
    );
  });
});

describe('plans in several files', () => {
  const [intro, rest] = fixturePlan.split('## Audit Logging\n');

  it('names the right file in every location', async () => {
    const dir = tempFiles({ 'gaps.md': fixtureGaps });
    mkdirSync(join(dir, 'plan'));
    writeFileSync(join(dir, 'plan', '10-rest.md'), `## Audit Logging\n${rest}`);
    writeFileSync(join(dir, 'plan', '2-intro.md'), intro);

    const run = await runIn(dir, ['plan', 'gaps.md', '-f', 'compact']);
    expect(run.stdout).toBe(
      [
        'gaps.md:7:1: error: Gap 2 Backups (critical) is missing from the plan; add it after plan/2-intro.md:6. [plan-audit/missing]',
        'plan/10-rest.md:1:1: warning: Gap 3 Audit Logging (high) is covered by 2 sections (plan/10-rest.md:1-4, plan/10-rest.md:5-8); keep one. [plan-audit/duplicate]',
        'gaps.md:13:1: warning: Gap 4 Caching (high) is only mentioned in the plan (plan/10-rest.md:11); give it a section of its own. [plan-audit/partial]',
        'plan/10-rest.md:13:1: error: Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan/10-rest.md:13-15); the gap list asks to remove it. [plan-audit/not-removed]',
        '',
      ].join('\n'),
    );
  });

  it('takes files in the order given and lists them in JSON', async () => {
    const dir = tempFiles({
      'a.md': intro,
      'b.md': `## Audit Logging\n${rest}`,
      'gaps.md': fixtureGaps,
    });
    const run = await runIn(dir, ['a.md', 'b.md', 'gaps.md', '-f', 'json']);
    const report = JSON.parse(run.stdout);

    expect(report.plan).toEqual({
      path: 'a.md, b.md',
      lines: intro.split('\n').length - 1 + rest.split('\n').length,
      files: [
        { path: 'a.md', lines: intro.split('\n').length - 1 },
        { path: 'b.md', lines: rest.split('\n').length },
      ],
    });
    expect(report.gaps[0].matches[0]).toMatchObject({
      file: 'a.md',
      startLine: 3,
    });
  });

  it.each([
    [
      ['empty', 'gaps.md'],
      'plan-audit: empty: is a folder without Markdown files (*.md); expected the plan\n',
    ],
    [
      ['plan.md', 'plan.md', 'gaps.md'],
      'plan-audit: plan.md: is given twice as part of the plan\n',
    ],
    [
      ['.', 'gaps.md'],
      'plan-audit: gaps.md: is given as both the plan and the gap list; pass two different files\n',
    ],
    [
      ['gaps.md'],
      "plan-audit: missing required argument 'gaps': give the plan, then the gap list\n",
    ],
  ])('refuses %j', async (args, message) => {
    const dir = project();
    mkdirSync(join(dir, 'empty'));
    const run = await runIn(dir, args);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
  });
});

describe('standard input', () => {
  it('reads the plan from -', async () => {
    const dir = project();
    const run = await runIn(
      dir,
      ['-', 'gaps.md', '-f', 'compact', '--stdin-name', 'docs/plan.md'],
      { stdin: fixturePlan },
    );
    expect(run.stdout).toContain('add it after docs/plan.md:6.');
  });

  it('reads the gap list from -', async () => {
    const run = await runIn(project(), ['plan.md', '-', '-q'], {
      stdin: fixtureGaps,
    });
    expect(run.stdout).toContain(
      '<stdin>:7: Gap 2 Backups (critical) is missing',
    );
  });

  it('refuses - for both, and empty input', async () => {
    expect((await runIn(project(), ['-', '-'], { stdin: 'x' })).stderr).toBe(
      'plan-audit: standard input (-) can be only one of the two documents\n',
    );
    expect(
      (await runIn(project(), ['plan.md', '-'], { stdin: '' })).stderr,
    ).toBe('plan-audit: <stdin>: is empty\n');
  });
});

describe('--quiet and --verbose', () => {
  it('--verbose traces each step on stderr', async () => {
    const run = await runIn(project(), [
      'plan.md',
      'gaps.md',
      '-v',
      '-f',
      'compact',
    ]);
    expect(run.stderr).toMatch(/plan-audit:cli config: none/);
    expect(run.stderr).toMatch(/plan-audit:input plan: 1 file/);
    expect(run.stderr).toMatch(/plan-audit:policy policy/);
  });

  it('traces nothing without it', async () => {
    expect((await runIn(project(), ['plan.md', 'gaps.md', '-q'])).stderr).toBe(
      '',
    );
  });

  it('refuses both', async () => {
    const run = await runIn(project(), ['plan.md', 'gaps.md', '-q', '-v']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "option '-q, --quiet' cannot be used with option '-v, --verbose'",
    );
  });
});

describe('GitHub job summary', () => {
  it('appends the Markdown report to $GITHUB_STEP_SUMMARY with the github format', async () => {
    const dir = project({ 'summary.md': 'earlier step\n' });
    const env = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    const run = await runIn(dir, ['plan.md', 'gaps.md', '-f', 'github'], {
      env,
    });

    expect(run.stdout).toMatch(/^::error file=gaps\.md,line=7,/);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toMatch(
      /^earlier step\n## ❌ plan-audit: score 54\.5\/100\n/,
    );
  });
});

describe('the JSON report', () => {
  it('matches docs/report.schema.json with several plan files, a policy and a baseline', async () => {
    const schema = JSON.parse(
      readFileSync(
        new URL('../docs/report.schema.json', import.meta.url),
        'utf8',
      ),
    );
    const [intro, rest] = fixturePlan.split('## Audit Logging\n');
    const dir = tempFiles({
      'a.md': intro,
      'b.md': `## Audit Logging\n${rest}`,
      'gaps.md': fixtureGaps,
    });
    await runIn(dir, [
      'a.md',
      'b.md',
      'gaps.md',
      '--write-baseline',
      'base.json',
      '-q',
    ]);

    const args = [
      'a.md',
      'b.md',
      'gaps.md',
      '-f',
      'json',
      '--baseline',
      'base.json',
      '--max-missing',
      '1',
    ];
    const report = JSON.parse((await runIn(dir, args)).stdout);
    const validate = new Ajv({ allErrors: true }).compile(schema);

    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.policy).toMatchObject({
      failOn: ['missing'],
      maxMissing: 1,
      passed: true,
      reasons: [],
    });
    expect(report.baseline).toMatchObject({
      path: 'base.json',
      regressions: [],
      improvements: [],
    });
    expect(report.gaps[1]).toMatchObject({
      verdict: 'missing',
      severity: 'warning',
      waived: 'already missing in the baseline',
    });
  });
});
