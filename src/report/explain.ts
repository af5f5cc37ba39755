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
  for (const judgement of result.judgements)
    out.push(...explainItem(judgement, result));
  return `${out.join('\n')}\n`;
}

function explainItem(judgement: Judgement, result: AuditResult): string[] {
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
  for (const entry of sections) lines.push(`  ${sectionLine(entry, result)}`);

  const mentions = judgement.evidence.filter(
    (entry) => entry.block !== null,
  ).length;
  if (mentions > 0)
    lines.push(
      `  body mentions: ${mentions} (see mentions and references in the report)`,
    );
  if (sections.length === 0 && mentions === 0)
    lines.push('  no plan heading or text shares a word with it');
  return lines;
}

function sectionLine(entry: Evidence, result: AuditResult): string {
  const index = entry.section as number;
  const outline = result.outline.sections[index];
  const verdict = entry.accepted ? 'accepted' : 'rejected';

  return (
    `${verdict.padEnd(8)} ${entry.rule.padEnd(13)} ${entry.confidence.toFixed(2)}  ` +
    `${outline.file ?? result.plan.path}:${outline.startLine}-${outline.endLine} "${outline.title}"  ${entry.reason}`
  );
}
