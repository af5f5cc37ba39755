import type { Judgement } from '../model.js';
import { outcomeOf, type ReportContext } from './context.js';

/** The version of the JSON contract; bump it when a field changes meaning. */
export const SCHEMA_VERSION = 1;

/**
 * The report as one JSON document. Field names are a contract (see
 * docs/json-report.md and docs/report.schema.json): add, never rename.
 */
export function toJsonReport(context: ReportContext): object {
  const { result, tool } = context;
  const outcome = outcomeOf(context);

  return {
    schemaVersion: SCHEMA_VERSION,
    tool,
    plan: {
      path: result.plan.path,
      lines: result.plan.lines,
      files: result.planFiles.map((file) => ({
        path: file.path,
        lines: file.lines,
      })),
    },
    gapList: {
      path: result.gapList.path,
      lines: result.gapList.lines,
      itemSource: result.strategy,
    },
    score: result.score.value,
    scoreDetails: result.score,
    summary: result.summary,
    exitCode: context.exitCode,
    policy: {
      ...outcome.settings,
      passed: outcome.exitCode === 0,
      reasons: outcome.reasons,
    },
    ...(outcome.baseline ? { baseline: outcome.baseline } : {}),
    gaps: result.judgements.map((judgement, index) => ({
      ...gapEntry(judgement),
      severity: outcome.items[index].severity,
      ...(outcome.items[index].waived
        ? { waived: outcome.items[index].waived }
        : {}),
    })),
    findings: result.findings,
  };
}

export function formatJson(context: ReportContext): string {
  return `${JSON.stringify(toJsonReport(context), null, 2)}\n`;
}

function gapEntry(judgement: Judgement): object {
  const { item } = judgement;

  return {
    id: item.id,
    title: item.title,
    line: item.line,
    priority: item.priority,
    optional: item.optional,
    estimate: item.estimate,
    remove: item.remove,
    source: item.source,
    verdict: judgement.verdict,
    passed: judgement.passed,
    matches: judgement.matches,
    mentions: judgement.mentions,
    references: judgement.references,
    ...(judgement.closest ? { closest: judgement.closest } : {}),
    ...(judgement.suggestion ? { suggestion: judgement.suggestion } : {}),
  };
}
