import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

import { isMap, type Document, type Node as YamlNode } from 'yaml';

import { UsageError } from '../errors.js';
import {
  readSettingsYaml,
  type SettingsProblem,
} from '../input/settings-yaml.js';
import { MATCHER_KINDS } from '../match/kinds/index.js';
import { checkOptions, type OptionSpecs } from './options.js';
import { CLOSEST_KIND, CLOSEST_OPTIONS } from './closest-kind.js';
import { SCORE_KIND, SCORE_OPTIONS } from './score-kind.js';
import { WORD_WEIGHTS_KIND, WORD_WEIGHTS_OPTIONS } from './word-weights.js';

/** A rule as loaded and checked: ready to build a matcher from. */
export interface Rule {
  id: string;
  kind: string;
  description: string;
  enabled: boolean;
  options: Record<string, unknown>;
  /** The file that last set the rule; `plan-audit rules` shows it. */
  source: string;
}

/** One problem in a rule file, at the line it is on. */
export type RuleProblem = SettingsProblem;

/** Every problem found while loading, reported together. */
export class RuleFileError extends UsageError {
  readonly problems: RuleProblem[];

  constructor(problems: RuleProblem[]) {
    super(
      problems
        .map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)
        .join('\n'),
    );
    this.problems = problems;
  }
}

const RULE_KEYS = new Set([
  'kind',
  'description',
  'enabled',
  'options',
  'docs',
]);
const RULE_FILE = /\.ya?ml$/i;

/**
 * Load rules from files and folders in order; a later file with the same
 * id (file name) overrides the earlier rule: its `enabled` replaces the old
 * one and its `options` are merged over the old ones.
 */
export function loadRules(sources: string[]): Rule[] {
  const rules = new Map<string, Rule>();
  const problems: RuleProblem[] = [];

  for (const file of sources.flatMap(ruleFilesIn)) {
    const rule = loadRuleFile(file, rules, problems);
    if (rule) rules.set(rule.id, rule);
  }

  // Code-point order, not localeCompare: the order must not depend on the
  // locale (in Estonian, "z" sorts before "t").
  if (problems.length > 0) {
    throw new RuleFileError(
      problems.sort(
        (a, b) => compareCodePoints(a.file, b.file) || a.line - b.line,
      ),
    );
  }
  return [...rules.values()].sort((a, b) => compareCodePoints(a.id, b.id));
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The YAML files of a folder in name order, or the file itself. */
export function ruleFilesIn(source: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(source).isDirectory();
  } catch {
    throw new UsageError('no such rule file or folder', source);
  }
  if (!isFolder) return [source];

  return readdirSync(source)
    .filter((name) => RULE_FILE.test(name))
    .sort()
    .map((name) => join(source, name));
}

function loadRuleFile(
  file: string,
  known: Map<string, Rule>,
  problems: RuleProblem[],
): Rule | null {
  const yaml = readSettingsYaml(file);
  const report = (line: number, message: string) =>
    problems.push({ file, line, message });

  problems.push(...yaml.problems);
  if (yaml.problems.length > 0) return null;
  const document = yaml.document;
  if (!isMap(document.contents)) {
    report(1, 'expected a mapping with kind, description, enabled and options');
    return null;
  }

  const before = problems.length;
  const id = basename(file, extname(file));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    report(
      1,
      `rule id "${id}" (the file name) must be lower-case words joined by "-"`,
    );
  }

  checkKeys(document, yaml.lineOfNode, report);
  const raw = yaml.data as Record<string, unknown>;
  const previous = known.get(id);
  const rule = buildRule(id, file, raw, previous, yaml.lineAt, report);

  return problems.length > before ? null : rule;
}

function buildRule(
  id: string,
  file: string,
  raw: Record<string, unknown>,
  previous: Rule | undefined,
  lineAt: (path: string[]) => number,
  report: (line: number, message: string) => void,
): Rule | null {
  const at = (...path: string[]) => lineAt(path);

  const kind = raw.kind ?? previous?.kind;
  if (typeof kind !== 'string') {
    report(at('kind'), `"kind" must name a matcher kind (${knownKinds()})`);
    return null;
  }
  if (previous && kind !== previous.kind) {
    report(
      at('kind'),
      `"kind" is ${kind} but rule "${id}" is ${previous.kind}; an override keeps the kind`,
    );
  }
  const specs = optionSpecsOf(kind);
  if (!specs) {
    report(
      at('kind'),
      `unknown kind "${kind}" (expected one of: ${knownKinds()})`,
    );
    return null;
  }

  const description = raw.description ?? previous?.description;
  if (typeof description !== 'string' || description.trim() === '') {
    report(
      at('description'),
      '"description" must be a non-empty string saying what the rule does',
    );
  }
  const enabled = raw.enabled ?? previous?.enabled ?? true;
  if (typeof enabled !== 'boolean')
    report(at('enabled'), '"enabled" must be true or false');
  if (raw.docs !== undefined && typeof raw.docs !== 'string')
    report(at('docs'), '"docs" must be a string');

  const rawOptions = raw.options ?? {};
  if (
    typeof rawOptions !== 'object' ||
    rawOptions === null ||
    Array.isArray(rawOptions)
  ) {
    report(at('options'), '"options" must be a mapping');
    return null;
  }
  const merged = {
    ...(previous?.options ?? {}),
    ...(rawOptions as Record<string, unknown>),
  };
  const checked = checkOptions(specs, merged);
  for (const problem of checked.problems) {
    const line =
      problem.path[0] in (rawOptions as object)
        ? at('options', ...problem.path)
        : at('options');
    report(line, problem.message);
  }

  return {
    id,
    kind,
    description: String(description ?? ''),
    enabled: enabled === true,
    options: checked.options,
    source: file,
  };
}

function checkKeys(
  document: Document,
  lineOf: (node: YamlNode | null | undefined) => number,
  report: (line: number, message: string) => void,
): void {
  if (!isMap(document.contents)) return;

  for (const pair of document.contents.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!RULE_KEYS.has(key)) {
      report(
        lineOf(pair.key as YamlNode),
        `unknown key "${key}" (expected kind, description, enabled, options, docs)`,
      );
    }
  }
}

/** Kinds that configure the audit around the matchers, not a matcher. */
const SETTING_KINDS = new Map<string, OptionSpecs>([
  [SCORE_KIND, SCORE_OPTIONS],
  [WORD_WEIGHTS_KIND, WORD_WEIGHTS_OPTIONS],
  [CLOSEST_KIND, CLOSEST_OPTIONS],
]);

function optionSpecsOf(kind: string): OptionSpecs | undefined {
  return SETTING_KINDS.get(kind) ?? MATCHER_KINDS.get(kind)?.options;
}

function knownKinds(): string {
  return [...MATCHER_KINDS.keys(), ...SETTING_KINDS.keys()].join(', ');
}

/** The first enabled rule of a kind, or undefined when none is on. */
export function enabledRuleOf(rules: Rule[], kind: string): Rule | undefined {
  return rules.find((rule) => rule.kind === kind && rule.enabled);
}
