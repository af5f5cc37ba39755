import type { AuditResult } from '../audit.js';
import { evaluatePolicy, type PolicyOutcome } from '../gate/evaluate.js';
import { DEFAULT_POLICY } from '../gate/settings.js';

/** What every formatter gets: the result and how the run was set up. */
export interface ReportContext {
  result: AuditResult;
  tool: { name: string; version: string };
  /** The exit code the policy gives, so reports can say why. */
  exitCode: number;
  /** The policy applied; the default policy when absent. */
  outcome?: PolicyOutcome;
  /**
   * Put before relative paths in links (Markdown report), such as a
   * repository's blob URL ending in `/`; links stay relative without it.
   */
  linkBase?: string;
}

/** The policy outcome of a context, computed with the defaults if need be. */
export function outcomeOf(context: ReportContext): PolicyOutcome {
  return context.outcome ?? evaluatePolicy(context.result, DEFAULT_POLICY);
}
