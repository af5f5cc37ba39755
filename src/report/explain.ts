import type { AuditResult } from '../audit.js';
import {
  type Evidence,
  EXPLAINED_CANDIDATES,
  type Judgement,
} from '../model.js';
import { label } from '../judge/suggest.js';

/**
 * Why each verdict came out as it did: for every item, the candidate
 * sections with each rule's evidence, accepted or rejected and why, and
 * the body mentions found.
 */
export function formatExplanation(result: AuditResult): string {
  const out: string[] = [];
  const ruleWidth = widestRule(result);
  for (const judgement of result.judgements)
    out.push(...explainItem(judgement, result, ruleWidth));
  return `${out.join('\n')}\n`;
}

/** The column for rule ids: wide enough for the longest one shown. */
function widestRule(result: AuditResult): number {
  let width = MIN_RULE_WIDTH;
  for (const judgement of result.judgements)
    for (const entry of judgement.evidence)
      if (entry.section !== null) width = Math.max(width, entry.rule.length);
  return width;
}

const MIN_RULE_WIDTH = 13;

function explainItem(
  judgement: Judgement,
  result: AuditResult,
  ruleWidth: number,
): string[] {
  const { item } = judgement;
  const lines = [
    '',
    `${label(judgement)}  (${result.gapList.path}:${item.line}, ${item.priority} from ${item.prioritySource}, ` +
      `found as ${item.source})  → ${judgement.verdict}${item.remove ? ', a removal check' : ''}`,
  ];

  const sections = judgement.evidence
    .filter((entry) => entry.section !== null)
    .sort(
      (a, b) =>
        Number(b.accepted) - Number(a.accepted) || b.confidence - a.confidence,
    )
    .slice(0, EXPLAINED_CANDIDATES);
  for (const entry of sections)
    lines.push(`  ${sectionLine(entry, result, ruleWidth)}`);

  const mentions = judgement.evidence.filter(
    (entry) => entry.block !== null,
  ).length;
  if (mentions > 0)
    lines.push(
      `  body mentions: ${mentions} (see mentions and references in the report)`,
    );
  if (judgement.closest) {
    const { file, startLine, endLine, title, score } = judgement.closest;
    const place = `${file ?? result.plan.path}:${startLine}-${endLine}`;
    const share = `${score.toFixed(2)} of the best possible score`;
    lines.push(
      `  closest section, a lead and not a match: ${place} "${title}", ${share}`,
    );
  }
  if (sections.length === 0 && mentions === 0 && !judgement.closest)
    lines.push('  no plan heading or text shares a word with it');
  return lines;
}

function sectionLine(
  entry: Evidence,
  result: AuditResult,
  ruleWidth: number,
): string {
  const index = entry.section as number;
  const outline = result.outline.sections[index];
  const verdict = entry.accepted ? 'accepted' : 'rejected';

  return (
    `${verdict.padEnd(8)} ${entry.rule.padEnd(ruleWidth)} ${entry.confidence.toFixed(2)}  ` +
    `${outline.file ?? result.plan.path}:${outline.startLine}-${outline.endLine} "${outline.title}"  ${entry.reason}`
  );
}
