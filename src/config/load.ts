import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import createDebug from 'debug';
import { isCollection, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

import { UsageError } from '../errors.js';

const trace = createDebug('plan-audit:config');

/** The config file plan-audit looks for, from the working folder up. */
export const CONFIG_NAME = '.plan-audit.yml';

/**
 * Every top-level key a config may have. `rules` belongs to the rule
 * engine; the others to the fail policy (src/config/policy.ts).
 */
export const CONFIG_KEYS = ['rules', 'failOn', 'minScore', 'maxMissing', 'gates'] as const;

/** A parsed config and a way to point at its lines. */
export interface LoadedConfig {
  path: string;
  data: Record<string, unknown>;
  /** The line of a key (or of the value at a list index), 1-based. */
  lineOf(keyPath: Array<string | number>): number;
}

/** A problem in a config, phrased as `path:line: message`. */
export function configProblem(config: LoadedConfig, keyPath: Array<string | number>, message: string): string {
  return `${config.path}:${config.lineOf(keyPath)}: ${message}`;
}

/** Throw every problem at once: one line each, then exit 2. */
export function throwProblems(problems: string[]): void {
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
}

/**
 * The nearest `.plan-audit.yml` in `start` or a folder above it, or null
 * when there is none up to the root of the file system.
 */
export function findConfig(start: string): string | null {
  let folder = resolve(start);

  for (;;) {
    const candidate = join(folder, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;

    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** Read and parse a config; syntax errors and unknown keys exit 2. */
export function loadConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, path);
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const line = lineCounter.linePos(error.pos[0]).line;
      return `${path}:${line}: ${error.message.split('\n')[0]}`;
    });
    throwProblems(problems);
  }

  const config = toConfig(path, document, lineCounter);
  throwProblems(unknownKeys(config));
  trace('loaded %s: %o', path, config.data);
  return config;
}

function toConfig(path: string, document: Document, lineCounter: LineCounter): LoadedConfig {
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    throw new UsageError('1: expected a mapping of settings such as "failOn: [missing]"', path);
  }

  const lineOf = (keyPath: Array<string | number>): number => {
    let node: unknown = document.contents;
    let offset = 0;

    for (const key of keyPath) {
      if (!isCollection(node)) break;
      const items = node.items as unknown[];
      const entry =
        typeof key === 'number'
          ? items[key]
          : items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!entry) break;

      const anchor = isPair(entry) ? entry.key : entry;
      offset = (anchor as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = isPair(entry) ? entry.value : entry;
    }
    return lineCounter.linePos(offset).line;
  };

  return { path, data: data as Record<string, unknown>, lineOf };
}

function unknownKeys(config: LoadedConfig): string[] {
  const known = new Set<string>(CONFIG_KEYS);
  return Object.keys(config.data)
    .filter((key) => !known.has(key))
    .map((key) =>
      configProblem(config, [key], `unknown key "${key}"; expected one of ${CONFIG_KEYS.join(', ')}`),
    );
}
