import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SHIPPED_RULES } from '../src/meta.js';
import { loadRules, RuleFileError } from '../src/rules/load.js';
import { md, runCli, tempFiles } from './helpers.js';

function problemsOf(files: Record<string, string>): string[] {
  const folder = tempFiles(files);
  try {
    loadRules([SHIPPED_RULES, folder]);
    return [];
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    return error.problems.map(
      (problem) =>
        `${problem.file.replace(`${folder}/`, '')}:${problem.line}: ${problem.message}`,
    );
  }
}

describe('rule files', () => {
  it('reports every problem of every file at once, with its line', () => {
    const problems = problemsOf({
      'fuzzy-title.yml': md`
        enabled: true
        options:
          minItemCoverage: 1.5
          minimumCoverage: 0.2
        colour: red
      `,
      'new-rule.yml': md`
        kind: telepathy
        description: reads minds
      `,
      'broken.yml': 'kind: [unclosed\n',
    });

    expect(problems).toEqual([
      expect.stringMatching(/^broken\.yml:\d: invalid YAML: Flow sequence/),
      'fuzzy-title.yml:3: option "minItemCoverage" must be at most 1, got 1.5',
      'fuzzy-title.yml:4: unknown option "minimumCoverage" (expected one of: minItemCoverage, removalItemCoverage, minOwnCoverage, minSectionCoverage, minPartSectionCoverage, parentCredit, leadCredit, maxConfidence)',
      'fuzzy-title.yml:5: unknown key "colour" (expected kind, description, enabled, options, docs)',
      'new-rule.yml:1: unknown kind "telepathy" (expected one of: gap-id, exact-title, alias, fuzzy-title, gap-body, body-mention, mentioned-section, second-section, score, word-weights, closest-section)',
    ]);
  });

  it('asks a new rule for a description and a known kind', () => {
    expect(problemsOf({ 'mine.yml': 'kind: exact-title\n' })).toEqual([
      'mine.yml:1: "description" must be a non-empty string saying what the rule does',
    ]);
  });

  it('merges an override into the shipped rule of the same id', () => {
    const folder = tempFiles({
      'fuzzy-title.yml': 'options:\n  minItemCoverage: 0.9\n',
    });
    const rule = loadRules([SHIPPED_RULES, folder]).find(
      (candidate) => candidate.id === 'fuzzy-title',
    );

    expect(rule?.options.minItemCoverage).toBe(0.9);
    expect(rule?.options.leadCredit).toBe(0.5);
    expect(rule?.source).toBe(join(folder, 'fuzzy-title.yml'));
  });

  it('exits 2 with file:line messages when the command line names a broken rule', async () => {
    const folder = tempFiles({
      'bad.yml': 'kind: alias\ndescription: x\noptions:\n  synonyms: [[one]]\n',
    });
    const run = await runCli(['--rules', folder, 'plan.md', 'gaps.md']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `plan-audit: ${join(folder, 'bad.yml')}:4: option "synonyms" must be a list of groups, each a list of at least two strings\n`,
    );
  });
});

describe('config file and precedence', () => {
  it('finds .plan-audit.yml above the working folder; --rules overrides it', async () => {
    const root = tempFiles({
      '.plan-audit.yml': 'rules: ./team-rules\n',
      'plan.md': '# Plan\n## Kubernetes secrets\n',
      'gaps.md': '### Gap 1: Kube secret store\n',
    });
    mkdirSync(join(root, 'team-rules'));
    mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
    writeFileSync(
      join(root, 'team-rules', 'alias.yml'),
      'options:\n  synonyms: [[secret store, secrets]]\n',
    );
    const cliRules = tempFiles({ 'alias.yml': 'enabled: false\n' });

    const { main } = await import('../src/cli.js');
    const capture = async (args: string[]) => {
      let out = '';
      const code = await main(args, {
        stdout: (text) => (out += text),
        stderr: (text) => (out += text),
        env: {},
        stdoutIsTty: false,
        cwd: join(root, 'nested', 'deeper'),
      });
      return { code, out };
    };

    const withConfig = await capture(['rules']);
    expect(withConfig.out).toMatch(
      /^alias +alias +on +.*team-rules\/alias\.yml$/m,
    );

    const overridden = await capture(['rules', '--rules', cliRules]);
    expect(overridden.out).toMatch(/^alias +alias +off /m);
  });

  it('reports an unknown key in the config with its line', async () => {
    const root = tempFiles({
      '.plan-audit.yml': 'rules: []\nfailOn: [missing]\ncolour: red\n',
    });
    const { main } = await import('../src/cli.js');
    let err = '';
    const code = await main(['rules'], {
      stdout: () => {},
      stderr: (text) => (err += text),
      env: {},
      stdoutIsTty: false,
      cwd: root,
    });
    expect(code).toBe(2);
    expect(err).toMatch(/\.plan-audit\.yml:3: unknown key "colour"/);
  });

  it('refuses a config whose aliases would expand without bound, as a problem of the file', async () => {
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      aliases.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const root = tempFiles({
      '.plan-audit.yml': `${aliases.join('\n')}\nrules: *l\n`,
    });
    const { main } = await import('../src/cli.js');
    let err = '';
    const code = await main(['rules'], {
      stdout: () => {},
      stderr: (text) => (err += text),
      env: {},
      stdoutIsTty: false,
      cwd: root,
    });
    expect(code).toBe(2);
    expect(err).toMatch(
      /\.plan-audit\.yml:1: cannot be expanded: Excessive alias count/,
    );
    expect(err).not.toMatch(/internal error/);
  });
});
