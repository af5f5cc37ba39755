import type { AuditResult } from '../audit.js';

/** What every formatter gets: the result and how the run was set up. */
export interface ReportContext {
  result: AuditResult;
  tool: { name: string; version: string };
  /** The exit code the policy gives, so reports can say why. */
  exitCode: number;
}
