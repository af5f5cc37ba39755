import createDebug from 'debug';

import type { AuditResult } from '../audit.js';
import { itemKey } from '../gaps/identity.js';
import type { Judgement } from '../model.js';
import {
  type Baseline,
  type BaselineDiff,
  compareWithBaseline,
} from './baseline.js';
import {
  failOnCovers,
  type ItemKind,
  itemKind,
  kindRank,
  type PolicySettings,
} from './settings.js';

const trace = createDebug('plan-audit:policy');

/** How loudly a report shows an item: `error` fails the run. */
export type Severity = 'error' | 'warning' | 'note' | 'none';

/** What the policy makes of one item. */
export interface ItemOutcome {
  judgement: Judgement;
  kind: ItemKind;
  severity: Severity;
  /** Why a failing kind does not fail the run (a gate, a baseline), or null. */
  waived: string | null;
}

/** The policy applied to one audit: what fails, why, and the exit code. */
export interface PolicyOutcome {
  settings: PolicySettings;
  /** One per judgement, in the same order. */
  items: ItemOutcome[];
  /** Why the run fails, one sentence each; empty when it passes. */
  reasons: string[];
  exitCode: 0 | 1;
  baseline: BaselineDiff | null;
}

/**
 * Decide which items fail the run and whether the run fails.
 *
 * An item fails when its kind is in `failOn`, it is not optional, its
 * priority's gate is `fail`, and (with a baseline) it is new or got worse.
 * `maxMissing` tolerates that many missing items; `minScore` and a score
 * below the baseline's fail the run as a whole.
 */
export function evaluatePolicy(
  result: AuditResult,
  settings: PolicySettings,
  baseline: Baseline | null = null,
): PolicyOutcome {
  const diff = baseline
    ? compareWithBaseline(baseline, result.judgements, result.score.value)
    : null;
  const items = result.judgements.map((judgement) =>
    judgeItem(judgement, settings, baseline),
  );
  const reasons: string[] = [];

  const missing = items.filter(
    (item) => item.severity === 'error' && isMissingKind(item.kind),
  );
  const exceeded =
    settings.maxMissing !== null && missing.length > settings.maxMissing;
  if (exceeded) {
    reasons.push(
      `${missing.length} items are missing, more than the ${settings.maxMissing} allowed`,
    );
  } else if (settings.maxMissing !== null) {
    for (const item of missing)
      waive(item, `within the ${settings.maxMissing} missing items allowed`);
  }

  // Missing items over the limit are already told by the reason above.
  const failing = items.filter((item) => item.severity === 'error');
  const others = exceeded
    ? failing.filter((item) => !isMissingKind(item.kind))
    : failing;
  if (others.length > 0) {
    const verb = others.length === 1 ? 'item fails' : 'items fail';
    reasons.push(
      `${others.length} ${verb} the policy (fail on: ${settings.failOn.join(', ')})`,
    );
  }

  const score = result.score.value;
  if (settings.minScore !== null && score < settings.minScore) {
    reasons.push(
      `the score ${score.toFixed(1)} is below the minimum ${settings.minScore}`,
    );
  }
  if (diff && score < diff.scoreBefore) {
    reasons.push(
      `the score dropped from ${diff.scoreBefore.toFixed(1)} to ${score.toFixed(1)} since ${diff.path}`,
    );
  }

  trace(
    'policy %o: %d failing item(s), reasons %o',
    settings,
    failing.length,
    reasons,
  );
  return {
    settings,
    items,
    reasons,
    exitCode: reasons.length > 0 ? 1 : 0,
    baseline: diff,
  };
}

function judgeItem(
  judgement: Judgement,
  settings: PolicySettings,
  baseline: Baseline | null,
): ItemOutcome {
  const kind = itemKind(judgement);
  const outcome: ItemOutcome = {
    judgement,
    kind,
    severity: 'none',
    waived: null,
  };
  if (kind === 'present' || kind === 'removed') return outcome;

  if (judgement.item.optional) {
    outcome.severity = 'note';
    return outcome;
  }
  if (!failOnCovers(settings.failOn, kind)) {
    outcome.severity = 'warning';
    return outcome;
  }

  outcome.severity = 'error';
  if (settings.gates[judgement.item.priority] === 'warn') {
    waive(outcome, `the ${judgement.item.priority} gate only warns`);
  }

  const before = baseline?.items.get(itemKey(judgement.item));
  if (
    outcome.severity === 'error' &&
    before &&
    kindRank(kind) >= kindRank(before.kind)
  ) {
    waive(outcome, `already ${before.kind} in the baseline`);
  }
  return outcome;
}

function waive(item: ItemOutcome, why: string): void {
  item.severity = 'warning';
  item.waived = why;
}

function isMissingKind(kind: ItemKind): boolean {
  return kind === 'missing' || kind === 'not-removed';
}
