import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { audit } from '../src/audit.js';
import { runCli } from './helpers.js';
import { evaluatePolicy } from '../src/gate/evaluate.js';
import { DEFAULT_POLICY, type PolicySettings } from '../src/gate/settings.js';
import { sourceFromText } from '../src/input/read.js';
import { SHIPPED_RULES } from '../src/meta.js';
import type { ReportContext } from '../src/report/context.js';
import { loadRules } from '../src/rules/load.js';

/** The folder of the small CI fixture: one item of every verdict. */
export const CI_FIXTURE = fileURLToPath(
  new URL('./fixtures/ci/', import.meta.url),
);

export const fixturePlan = readFileSync(`${CI_FIXTURE}plan.md`, 'utf8');
export const fixtureGaps = readFileSync(`${CI_FIXTURE}gaps.md`, 'utf8');

/** A report context for the fixture, as the CLI would build it. */
export function fixtureContext(
  policy: Partial<PolicySettings> = {},
): ReportContext {
  const result = audit(
    sourceFromText('plan.md', fixturePlan),
    sourceFromText('gaps.md', fixtureGaps),
    loadRules([SHIPPED_RULES]),
  );
  const outcome = evaluatePolicy(result, { ...DEFAULT_POLICY, ...policy });
  return {
    result,
    tool: { name: 'plan-audit', version: '0.1.0' },
    exitCode: outcome.exitCode,
    outcome,
  };
}

/** Run the CLI in-process in a folder, with optional stdin and env. */
export function runIn(
  cwd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args, options.env ?? {}, {
    cwd,
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  });
}
