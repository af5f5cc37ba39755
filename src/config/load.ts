import { dirname, isAbsolute, resolve } from 'node:path';

import {
  isMap,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

import { RuleFileError, type RuleProblem } from '../rules/load.js';
import { readSettingsText } from '../input/read.js';

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
  const text = readSettingsText(path);
  const counter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
  });

  const problems: RuleProblem[] = document.errors.map((error) => ({
    file: path,
    line: counter.linePos(error.pos[0]).line,
    message: `invalid YAML: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) throw new RuleFileError(problems);

  const lineOf = (keyPath: Array<string | number>) =>
    nodeLine(document, counter, keyPath);
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new RuleFileError([
      { file: path, line: 1, message: 'expected a mapping of settings' },
    ]);
  }

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

function nodeLine(
  document: Document,
  counter: LineCounter,
  path: Array<string | number>,
): number {
  const node = document.getIn(path, true) as YamlNode | undefined;
  if (node?.range) return counter.linePos(node.range[0]).line;

  // A key with a null value has no node of its own: find the key instead.
  const parent =
    path.length > 1
      ? document.getIn(path.slice(0, -1), true)
      : document.contents;
  if (isMap(parent)) {
    const pair = parent.items.find(
      (item) =>
        String((item.key as { value?: unknown })?.value) ===
        String(path.at(-1)),
    );
    const key = pair?.key as YamlNode | undefined;
    if (key?.range) return counter.linePos(key.range[0]).line;
  }
  return 1;
}
