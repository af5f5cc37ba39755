import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import {
  isMap,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

import { UsageError } from '../errors.js';

/** The name of the project configuration file. */
export const CONFIG_FILE = '.plan-audit.yml';

/**
 * A problem in the configuration file, reported as `file:line: message`
 * like problems in rule files.
 */
export class ConfigError extends UsageError {
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(message, `${file}:${line}`);
    this.line = line;
  }
}

/**
 * The configuration file as parsed. It only knows YAML: each feature reads
 * and checks its own top-level key, so adding a key touches no other code.
 */
export interface Config {
  path: string;
  /** The whole file as plain values; an empty file gives `{}`. */
  values: Record<string, unknown>;
  /** The line of the value at a key path, or of the nearest parent found. */
  lineOf(path: ReadonlyArray<string | number>): number;
  /** An error at the value of a key path. */
  error(path: ReadonlyArray<string | number>, message: string): ConfigError;
}

/**
 * Look for {@link CONFIG_FILE} in `startDir` and its parents, nearest
 * first, as git does for `.gitignore`-style project files.
 */
export function findConfigFile(startDir: string): string | null {
  let folder = resolve(startDir);

  for (;;) {
    const candidate = join(folder, CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;

    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** Find and parse the configuration; null when there is none. */
export function loadConfig(startDir: string): Config | null {
  const path = findConfigFile(startDir);
  return path === null ? null : parseConfig(path, readConfigText(path));
}

/** Parse configuration text; `path` is only used in messages. */
export function parseConfig(path: string, text: string): Config {
  const counter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
  });

  const [first] = document.errors;
  if (first) {
    const line = counter.linePos(first.pos[0]).line;
    throw new ConfigError(
      path,
      line,
      `invalid YAML: ${first.message.split('\n')[0]}`,
    );
  }

  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    throw new ConfigError(
      path,
      1,
      'expected a mapping of settings such as "fix:"',
    );
  }

  const lineOf = (keys: ReadonlyArray<string | number>) =>
    lineIn(document, counter, keys);
  return {
    path,
    values: (document.toJS() ?? {}) as Record<string, unknown>,
    lineOf,
    error: (keys, message) => new ConfigError(path, lineOf(keys), message),
  };
}

function lineIn(
  document: Document,
  counter: LineCounter,
  keys: ReadonlyArray<string | number>,
): number {
  // A missing key points at its parent, so the message still has a place.
  for (let length = keys.length; length >= 0; length--) {
    const node = document.getIn(keys.slice(0, length), true) as
      YamlNode | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot be read (${code})`, path);
  }
}
