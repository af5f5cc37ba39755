import { InvalidArgumentError } from 'commander';

import {
  FAIL_KINDS,
  type FailKind,
  type PolicySettings,
} from './gate/settings.js';
import { FORMATS } from './report/formats.js';

/** The options of an audit run as commander hands them over. */
export interface AuditOptions {
  format: string[];
  output: string[];
  color: boolean;
  rules?: string[];
  explain?: boolean;
  failOn?: FailKind[];
  minScore?: number;
  maxMissing?: number;
  config: string | false | undefined;
  baseline?: string;
  writeBaseline?: string | true;
  stdinName: string;
  /** Megabytes; larger plan or gap list files are refused. */
  maxSize: number;
  linkBase?: string;
  quiet?: boolean;
  verbose?: boolean;
  /** False with `--no-cache`. */
  cache: boolean;
  watch?: boolean;
}

/** Collect a repeatable option's values in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A known format name, collected; the error lists what is offered. */
export function collectFormat(
  value: string,
  previous: string[] = [],
): string[] {
  if (!FORMATS.has(value)) {
    throw new InvalidArgumentError(
      `expected one of ${[...FORMATS.keys()].join(', ')}`,
    );
  }
  return [...previous, value];
}

/** `missing,partial` or repeated flags, collected without repeats. */
export function collectFailOn(
  value: string,
  previous: FailKind[] = [],
): FailKind[] {
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!(FAIL_KINDS as string[]).includes(kind)) {
      throw new InvalidArgumentError(
        `unknown verdict "${kind}"; expected ${FAIL_KINDS.join(', ')}`,
      );
    }
  }
  return [...new Set([...previous, ...(kinds as FailKind[])])];
}

/** `--min-score`: a number from 0 to 100. */
export function parseScore(value: string): number {
  const number = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(number) ||
    number < 0 ||
    number > 100
  ) {
    throw new InvalidArgumentError('expected a number from 0 to 100');
  }
  return number;
}

/** `--max-missing`: a whole number. */
export function parseCount(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError('expected a whole number of 0 or more');
  }
  return number;
}

/** Defaults, then the config, then the command line: the last word wins. */
export function mergePolicy(
  defaults: PolicySettings,
  fromConfig: Partial<PolicySettings>,
  options: AuditOptions,
): PolicySettings {
  return {
    failOn: options.failOn ?? fromConfig.failOn ?? defaults.failOn,
    minScore: options.minScore ?? fromConfig.minScore ?? defaults.minScore,
    maxMissing:
      options.maxMissing ?? fromConfig.maxMissing ?? defaults.maxMissing,
    gates: fromConfig.gates ?? defaults.gates,
  };
}
