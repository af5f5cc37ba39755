import { PRIORITIES, type Priority } from '../model.js';
import {
  FAIL_KINDS,
  type FailKind,
  type Gate,
  GATES,
  type PolicySettings,
} from '../gate/settings.js';
import { RuleFileError, type RuleProblem } from '../rules/load.js';
import type { ConfigFile } from './load.js';

/**
 * The fail policy a config sets, checked like a compiler would: every
 * problem is collected and reported as `file:line: message`, then exit 2.
 *
 * ```yaml
 * failOn: [missing, partial]
 * minScore: 80
 * maxMissing: 2
 * gates: { critical: fail, low: warn }
 * ```
 */
export function policyFromConfig(config: ConfigFile): Partial<PolicySettings> {
  const problems: RuleProblem[] = [];
  const found: Partial<PolicySettings> = {};
  const { data } = config;

  if (data.failOn !== undefined) {
    const kinds = checkFailOn(data.failOn, config, problems);
    if (kinds) found.failOn = kinds;
  }
  if (data.minScore !== undefined) {
    if (
      typeof data.minScore === 'number' &&
      data.minScore >= 0 &&
      data.minScore <= 100
    )
      found.minScore = data.minScore;
    else
      problems.push(
        configProblem(
          config,
          ['minScore'],
          `expected a number from 0 to 100, got ${show(data.minScore)}`,
        ),
      );
  }
  if (data.maxMissing !== undefined) {
    if (Number.isInteger(data.maxMissing) && (data.maxMissing as number) >= 0)
      found.maxMissing = data.maxMissing as number;
    else
      problems.push(
        configProblem(
          config,
          ['maxMissing'],
          `expected a whole number of 0 or more, got ${show(data.maxMissing)}`,
        ),
      );
  }
  if (data.gates !== undefined) {
    const gates = checkGates(data.gates, config, problems);
    if (gates) found.gates = gates;
  }

  if (problems.length > 0) throw new RuleFileError(problems);
  return found;
}

/** A problem at a key of the config, for `file:line: message`. */
function configProblem(
  config: ConfigFile,
  keyPath: Array<string | number>,
  message: string,
): RuleProblem {
  return { file: config.path, line: config.lineOf(keyPath), message };
}

function checkFailOn(
  value: unknown,
  config: ConfigFile,
  problems: RuleProblem[],
): FailKind[] | null {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(
      configProblem(
        config,
        ['failOn'],
        `expected a list of ${FAIL_KINDS.join(', ')}, got ${show(value)}`,
      ),
    );
    return null;
  }

  const before = problems.length;
  list.forEach((kind, index) => {
    if (!(FAIL_KINDS as unknown[]).includes(kind)) {
      const at = typeof value === 'string' ? ['failOn'] : ['failOn', index];
      problems.push(
        configProblem(
          config,
          at,
          `unknown verdict ${show(kind)} in failOn; expected ${FAIL_KINDS.join(', ')}`,
        ),
      );
    }
  });
  return problems.length === before ? (list as FailKind[]) : null;
}

function checkGates(
  value: unknown,
  config: ConfigFile,
  problems: RuleProblem[],
): Record<Priority, Gate> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      configProblem(
        config,
        ['gates'],
        `expected a mapping such as "critical: fail", got ${show(value)}`,
      ),
    );
    return null;
  }

  const gates: Partial<Record<Priority, Gate>> = {};
  const before = problems.length;
  for (const [priority, gate] of Object.entries(value)) {
    if (!(PRIORITIES as string[]).includes(priority)) {
      problems.push(
        configProblem(
          config,
          ['gates', priority],
          `unknown priority "${priority}" in gates; expected ${PRIORITIES.join(', ')}`,
        ),
      );
    } else if (!(GATES as unknown[]).includes(gate)) {
      problems.push(
        configProblem(
          config,
          ['gates', priority],
          `unknown gate ${show(gate)} for ${priority}; expected ${GATES.join(' or ')}`,
        ),
      );
    } else {
      gates[priority as Priority] = gate as Gate;
    }
  }
  if (problems.length > before) return null;
  return {
    critical: 'fail',
    high: 'fail',
    medium: 'fail',
    low: 'fail',
    ...gates,
  };
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
