import type { ItemChange } from '../gate/baseline.js';
import { DEFAULT_POLICY } from '../gate/settings.js';
import { outcomeOf, type ReportContext } from './context.js';

/**
 * What the policy decided and how the run compares with a baseline, as
 * plain lines for the text reports. With `onlyWhenSet`, the reasons of a
 * run under the default policy are left out: the MISSING lines say it.
 */
export function policyLines(
  context: ReportContext,
  options: { onlyWhenSet?: boolean } = {},
): string[] {
  const outcome = outcomeOf(context);
  const lines: string[] = [];
  const diff = outcome.baseline;

  if (diff) {
    lines.push(
      `Compared with ${diff.path}: score ${diff.scoreBefore.toFixed(1)} → ${diff.scoreAfter.toFixed(1)}, ` +
        `${diff.regressions.length} worse, ${diff.improvements.length} better, ` +
        `${diff.added.length} new, ${diff.dropped.length} gone`,
    );
    for (const change of diff.regressions)
      lines.push(`  worse   ${describe(change)}`);
    for (const change of diff.improvements)
      lines.push(`  better  ${describe(change)}`);
    for (const item of diff.added)
      lines.push(`  new     ${item.label} (${item.kind})`);
    for (const item of diff.dropped)
      lines.push(`  gone    ${item.label} (was ${item.kind})`);
  }

  const isDefault =
    JSON.stringify(outcome.settings) === JSON.stringify(DEFAULT_POLICY);
  if (options.onlyWhenSet && isDefault && !diff) return lines;

  for (const reason of outcome.reasons) lines.push(`Fails: ${reason}`);
  return lines;
}

function describe(change: ItemChange): string {
  return `${change.label}: ${change.before} → ${change.after}`;
}
