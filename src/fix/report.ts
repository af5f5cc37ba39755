import { label } from '../judge/suggest.js';
import type { Judgement } from '../model.js';
import type { FixOutcome } from './build.js';

const TOOL = 'plan-audit';

/**
 * What the user should know besides the diff: items named with `--only`
 * that need nothing, items that could not get a stub, verdicts of other
 * items that the stubs change, and, when there is nothing to add, that.
 * Stubs for items whose words point at a section that may already hold
 * them. One line each, for stderr.
 */
export function formatFixNotes(
  skipped: Array<{ judgement: Judgement; reason: string }>,
  outcome: FixOutcome,
  planPath: string,
): string {
  const lines: string[] = [];

  for (const { judgement, reason } of skipped) {
    lines.push(`${TOOL}: ${label(judgement)}: nothing to add, ${reason}`);
  }
  for (const { judgement, reason } of outcome.leftOut) {
    lines.push(
      `${TOOL}: ${label(judgement)}: left out, ${reason}; add it by hand`,
    );
  }
  for (const judgement of outcome.followed) {
    lines.push(
      `${TOOL}: note: ${label(judgement)} gets a stub too: ` +
        `the other stubs leave it missing (it was ${judgement.verdict})`,
    );
  }
  // A stub beside a section that may already hold the item would make
  // it a duplicate: say so while the stub is still easy to drop.
  for (const { judgement } of outcome.stubs) {
    if (!judgement.closest) continue;
    const { file, startLine, endLine, title } = judgement.closest;
    const place = `${file ?? planPath}:${startLine}-${endLine}`;
    lines.push(
      `${TOOL}: note: ${label(judgement)} may be under another name: ` +
        `${place} "${title}"; check it before keeping the stub`,
    );
  }
  for (const change of outcome.sideEffects) {
    lines.push(
      `${TOOL}: note: the stubs change ${label(change.judgement)} ` +
        `from ${change.before} to ${change.after}`,
    );
  }
  if (outcome.stubs.length === 0 && outcome.leftOut.length === 0) {
    lines.push(`${TOOL}: nothing to add: no missing item to fix`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** After `--write`: one line per stub with where its heading now is. */
export function formatWritten(outcome: FixOutcome, planPath: string): string {
  const count = outcome.stubs.length;
  const lines = [
    `${planPath}: added ${count} stub section${count === 1 ? '' : 's'}`,
  ];

  for (const stub of outcome.stubs) {
    const moved =
      stub.placement.movedFrom === null
        ? ''
        : ` (moved past a block from line ${stub.placement.movedFrom})`;
    lines.push(
      `  ${label(stub.judgement)} at ${planPath}:${stub.line}${moved}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The question `--interactive` asks about one item. */
export function interactiveQuestion(
  judgement: Judgement,
  planPath: string,
): string {
  const where = judgement.suggestion
    ? ` after ${planPath}:${judgement.suggestion.afterLine}` +
      (judgement.suggestion.near.item
        ? ` (the section of ${judgement.suggestion.near.item})`
        : '')
    : '';
  return `Add a stub for ${label(judgement)}${where}? [y]es, [n]o, [a]ll the rest, [q]uit: `;
}

/** After a dry run, on stderr: how many stubs the diff adds and how to apply it. */
export function formatDryRunNote(
  outcome: FixOutcome,
  planPath: string,
): string {
  const count = outcome.stubs.length;
  const stubs = `${count} stub section${count === 1 ? '' : 's'}`;
  return `${TOOL}: would add ${stubs} to ${planPath}; run again with --write to apply\n`;
}
