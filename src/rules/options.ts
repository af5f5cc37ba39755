import { unsafePatternReason } from './safe-pattern.js';

/**
 * A small schema language for rule options: each matcher kind declares
 * what it accepts, and the loader checks rule files against it before
 * anything runs.
 */
export type OptionSpec =
  | { type: 'number'; default: number; min?: number; max?: number; doc: string }
  | { type: 'boolean'; default: boolean; doc: string }
  | { type: 'string'; default: string; doc: string }
  | { type: 'string-list'; default: string[]; doc: string }
  | { type: 'pattern-list'; default: string[]; doc: string }
  | { type: 'synonym-groups'; default: string[][]; doc: string }
  | {
      type: 'number-map';
      default: Record<string, number>;
      keys: string[];
      doc: string;
    };

export type OptionSpecs = Record<string, OptionSpec>;

/** The TypeScript type of the options a spec describes. */
export type OptionsOf<Specs extends OptionSpecs> = {
  [Key in keyof Specs]: Specs[Key]['default'];
};

/** A problem with one option, reported against the option's YAML path. */
export interface OptionProblem {
  path: string[];
  message: string;
}

/**
 * Check raw options against a spec: collect every problem, and give back
 * the options with defaults filled in.
 */
export function checkOptions(
  specs: OptionSpecs,
  raw: Record<string, unknown>,
): { options: Record<string, unknown>; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const options: Record<string, unknown> = {};

  for (const key of Object.keys(raw)) {
    // Own keys only: "__proto__" or "constructor" must not pass as known.
    if (!Object.hasOwn(specs, key)) {
      const known = Object.keys(specs).join(', ') || 'none';
      problems.push({
        path: [key],
        message: `unknown option "${key}" (expected one of: ${known})`,
      });
    }
  }

  for (const [key, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(raw, key) ? raw[key] : spec.default;
    const problem = checkValue(spec, value);
    if (problem)
      problems.push({ path: [key], message: `option "${key}" ${problem}` });
    options[key] = value;
  }
  return { options, problems };
}

function checkValue(spec: OptionSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'number':
      return checkNumber(value, spec.min, spec.max);
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : `must be true or false, got ${show(value)}`;
    case 'string':
      return typeof value === 'string'
        ? null
        : `must be a string, got ${show(value)}`;
    case 'string-list':
      return isStringList(value)
        ? null
        : `must be a list of strings, got ${show(value)}`;
    case 'pattern-list':
      return checkPatterns(value);
    case 'synonym-groups':
      return Array.isArray(value) &&
        value.every((group) => isStringList(group) && group.length >= 2)
        ? null
        : 'must be a list of groups, each a list of at least two strings';
    case 'number-map':
      return checkNumberMap(value, spec.keys);
  }
}

function checkNumber(
  value: unknown,
  min?: number,
  max?: number,
): string | null {
  if (typeof value !== 'number' || Number.isNaN(value))
    return `must be a number, got ${show(value)}`;
  if (min !== undefined && value < min)
    return `must be at least ${min}, got ${value}`;
  if (max !== undefined && value > max)
    return `must be at most ${max}, got ${value}`;
  return null;
}

function checkNumberMap(value: unknown, keys: string[]): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `must be a mapping of ${keys.join(', ')} to numbers`;
  }
  for (const [key, number] of Object.entries(value)) {
    if (!keys.includes(key))
      return `has unknown key "${key}" (expected ${keys.join(', ')})`;
    if (typeof number !== 'number' || number < 0)
      return `"${key}" must be a number of 0 or more`;
  }
  return null;
}

function checkPatterns(value: unknown): string | null {
  if (!isStringList(value))
    return `must be a list of regular expressions, got ${show(value)}`;

  for (const source of value) {
    const reason = unsafePatternReason(source);
    if (reason) return `has a pattern /${source}/ that ${reason}`;
  }
  return null;
}

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.every((entry) => typeof entry === 'string')
  );
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
