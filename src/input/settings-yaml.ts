import {
  isMap,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

import { readSettingsText } from './read.js';

/** One problem in a settings file (a rule or the config), at its line. */
export interface SettingsProblem {
  file: string;
  line: number;
  message: string;
}

/** A rule or config file parsed as YAML, with line lookups for messages. */
export interface SettingsYaml {
  document: Document;
  /** The file as plain data; undefined when it could not be read as such. */
  data: unknown;
  /** Invalid YAML, or aliases that would expand without bound. */
  problems: SettingsProblem[];
  /** The line of the value at a key path, or of its key if it has none. */
  lineAt(path: Array<string | number>): number;
  /** The line a YAML node starts on (1 when it has no position). */
  lineOfNode(node: YamlNode | null | undefined): number;
}

/** How many aliases a settings file may expand: enough for real reuse. */
const MAX_ALIASES = 100;

/**
 * Read and parse a settings file. YAML tags such as `!!js/function` stay
 * strings (settings are data, never code), and alias chains that would
 * expand without bound ("billion laughs") are a problem, not a crash.
 */
export function readSettingsYaml(path: string): SettingsYaml {
  const counter = new LineCounter();
  const document = parseDocument(readSettingsText(path), {
    lineCounter: counter,
    prettyErrors: false,
  });
  const lineOfNode = (node: YamlNode | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line : 1;

  const problems: SettingsProblem[] = document.errors.map((error) => ({
    file: path,
    line: counter.linePos(error.pos[0]).line,
    message: `invalid YAML: ${firstLine(error.message)}`,
  }));

  let data: unknown;
  if (problems.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const message = `cannot be expanded: ${firstLine((error as Error).message)}`;
      problems.push({ file: path, line: 1, message });
    }
  }

  return {
    document,
    data,
    problems,
    lineAt: (keyPath) => lineAt(document, keyPath, lineOfNode),
    lineOfNode,
  };
}

function lineAt(
  document: Document,
  path: Array<string | number>,
  lineOfNode: (node: YamlNode | null | undefined) => number,
): number {
  const node = document.getIn(path, true) as YamlNode | undefined;
  if (node?.range) return lineOfNode(node);

  // A key with a null value has no node of its own: find the key instead.
  const parent =
    path.length > 1
      ? document.getIn(path.slice(0, -1), true)
      : document.contents;
  if (!isMap(parent)) return 1;

  const pair = parent.items.find(
    (item) =>
      String((item.key as { value?: unknown })?.value) === String(path.at(-1)),
  );
  return lineOfNode(pair?.key as YamlNode | undefined);
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
