import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { tempFiles } from './helpers.js';
import { runBin } from './process-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAIR = join(ROOT, 'test/corpus/dev/01-orders-api');

/** Rule files that override shipped ones, written in the given order. */
function ruleFolder(folder: string, name: string, order: string[]): string {
  const rules: Record<string, string> = {
    'alias.yml': 'options:\n  synonyms:\n    - [rate limiting, throttling]\n',
    'fuzzy-title.yml': 'options:\n  minItemCoverage: 0.7\n',
    'tz-extra.yml':
      'kind: exact-title\ndescription: a rule whose id sorts by locale\n',
    'zeta-extra.yml': 'kind: gap-id\ndescription: another one\n',
  };
  const path = join(folder, name);
  mkdirSync(path);
  for (const file of order) writeFileSync(join(path, file), rules[file]);
  return path;
}

describe('determinism', () => {
  it('gives byte-identical output whatever the locale, time zone and file order', () => {
    const folder = tempFiles({
      'plan.md': readFileSync(join(PAIR, 'plan.md')),
      'gaps.md': readFileSync(join(PAIR, 'gaps.md')),
    });
    const names = [
      'alias.yml',
      'fuzzy-title.yml',
      'tz-extra.yml',
      'zeta-extra.yml',
    ];
    ruleFolder(folder, 'rules-a', names);
    ruleFolder(folder, 'rules-b', [...names].reverse());

    const runs = [
      { rules: 'rules-a', env: { TZ: 'UTC', LANG: 'C' } },
      {
        rules: 'rules-b',
        env: {
          TZ: 'Pacific/Kiritimati',
          LANG: 'et_EE.UTF-8',
          LC_ALL: 'et_EE.UTF-8',
        },
      },
      {
        rules: 'rules-b',
        env: {
          TZ: 'America/St_Johns',
          LANG: 'tr_TR.UTF-8',
          LC_ALL: 'tr_TR.UTF-8',
        },
      },
    ];
    for (const format of ['json', 'text']) {
      const outputs = runs.map(({ rules, env }) =>
        runBin(['plan.md', 'gaps.md', '--rules', rules, '--format', format], {
          cwd: folder,
          env,
        }),
      );

      expect(outputs[0].stderr).toBe('');
      expect(outputs[0].stdout.length).toBeGreaterThan(1000);
      for (const output of outputs.slice(1))
        expect(output.stdout).toBe(outputs[0].stdout);
    }
  });

  it('sorts rules by code point, also in a locale that orders z before t', () => {
    const folder = tempFiles({});
    ruleFolder(folder, 'rules', ['zeta-extra.yml', 'tz-extra.yml']);
    const script = `
      const { loadRules } = await import(${JSON.stringify(join(ROOT, 'dist/rules/load.js'))});
      const { SHIPPED_RULES } = await import(${JSON.stringify(join(ROOT, 'dist/meta.js'))});
      console.log(loadRules([SHIPPED_RULES, 'rules']).map((rule) => rule.id).join(' '));
    `;
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        cwd: folder,
        env: {
          PATH: process.env.PATH,
          LC_ALL: 'et_EE.UTF-8',
          LANG: 'et_EE.UTF-8',
        },
        encoding: 'utf8',
      },
    );

    const ids = result.stdout.trim().split(' ');
    expect(ids.filter((id) => id.endsWith('-extra'))).toEqual([
      'tz-extra',
      'zeta-extra',
    ]);
  });
});

describe('no network, no code from data', () => {
  const sources = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(join(folder, name), 'utf8'));

  it('imports no network module and evaluates no text as code', () => {
    const forbidden = [
      /from 'node:(http|https|http2|net|tls|dgram|dns)'/,
      /\bfetch\(|\beval\(|new Function\(|\bimport\(|\brequire\(/,
    ];
    const offenders = sources(join(ROOT, 'src')).filter((text) =>
      forbidden.some((pattern) => pattern.test(text)),
    );

    expect(offenders).toEqual([]);
  });
});
