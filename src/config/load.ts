import { dirname, isAbsolute, resolve } from 'node:path';

import { readSettingsYaml } from '../input/settings-yaml.js';
import { RuleFileError, type RuleProblem } from '../rules/load.js';

/**
 * A parsed `.plan-audit.yml`. Each part of plan-audit reads the keys it
 * owns from `data` and reports problems at `lineOf(path)`; unknown
 * top-level keys are reported here, all at once.
 */
export interface ConfigFile {
  path: string;
  /** The whole file as plain data. */
  data: Record<string, unknown>;
  /** The line a key path is on, for `file:line: message` errors. */
  lineOf(path: Array<string | number>): number;
  /** Resolve a path written in the config relative to the config's folder. */
  resolvePath(path: string): string;
}

/** Top-level keys, with the part of plan-audit that owns each. */
const KNOWN_KEYS = new Set([
  'rules',
  'failOn',
  'minScore',
  'maxMissing',
  'gates',
  'fix',
]);

export function loadConfigFile(path: string): ConfigFile {
  const yaml = readSettingsYaml(path);
  if (yaml.problems.length > 0) throw new RuleFileError(yaml.problems);

  const lineOf = yaml.lineAt;
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new RuleFileError([
      { file: path, line: 1, message: 'expected a mapping of settings' },
    ]);
  }

  const problems: RuleProblem[] = [];
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push({
        file: path,
        line: lineOf([key]),
        message: `unknown key "${key}" (expected one of: ${[...KNOWN_KEYS].join(', ')})`,
      });
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems);

  return {
    path,
    data,
    lineOf,
    resolvePath: (entry) =>
      isAbsolute(entry) ? entry : resolve(dirname(path), entry),
  };
}

/** The extra rule files and folders a config names under `rules:`. */
export function configRuleSources(config: ConfigFile): string[] {
  const value = config.data.rules;
  if (value === undefined) return [];

  const entries = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(entries) ||
    !entries.every((entry) => typeof entry === 'string')
  ) {
    throw new RuleFileError([
      {
        file: config.path,
        line: config.lineOf(['rules']),
        message: '"rules" must be a path or a list of paths',
      },
    ]);
  }
  return entries.map((entry) => config.resolvePath(entry));
}
