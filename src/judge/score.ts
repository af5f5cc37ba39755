import type {
  Judgement,
  Priority,
  PriorityFigure,
  Score,
  Summary,
  Verdict,
} from '../model.js';
import { PRIORITIES } from '../model.js';

export interface ScoreSettings {
  weights: Record<Priority, number>;
  credits: Record<Verdict, number>;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  weights: { critical: 3, high: 2, medium: 1, low: 0.5 },
  credits: { present: 1, duplicate: 1, partial: 0.5, missing: 0 },
};

/**
 * 100 × Σ weight(priority) × credit(verdict) / Σ weight(priority) over the
 * required items, to one decimal. A removal check earns full credit when
 * it passes and none when the plan still has the item.
 */
export function computeScore(
  judgements: Judgement[],
  settings: ScoreSettings,
): Score {
  const required = judgements.filter((judgement) => !judgement.item.optional);

  const byPriority: PriorityFigure[] = PRIORITIES.map((priority) => {
    const items = required.filter(
      (judgement) => judgement.item.priority === priority,
    );
    const credit = items.reduce(
      (sum, judgement) => sum + creditOf(judgement, settings),
      0,
    );
    return {
      priority,
      weight: settings.weights[priority],
      items: items.length,
      credit,
    };
  });

  const earned = byPriority.reduce(
    (sum, figure) => sum + figure.weight * figure.credit,
    0,
  );
  const possible = byPriority.reduce(
    (sum, figure) => sum + figure.weight * figure.items,
    0,
  );
  const value = possible === 0 ? 100 : roundTo((100 * earned) / possible, 1);

  return {
    value,
    formula:
      `100 × Σ weight(priority) × credit(verdict) / Σ weight(priority) = ` +
      `100 × ${roundTo(earned, 2)} / ${roundTo(possible, 2)} = ${value.toFixed(1)}`,
    byPriority,
  };
}

export function creditOf(
  judgement: Judgement,
  settings: ScoreSettings,
): number {
  if (judgement.item.remove) return judgement.passed ? 1 : 0;
  return settings.credits[judgement.verdict];
}

export function summarize(judgements: Judgement[]): Summary {
  const checks = judgements.filter((judgement) => judgement.item.remove);
  const wanted = judgements.filter((judgement) => !judgement.item.remove);
  const count = (verdict: Verdict) =>
    wanted.filter((judgement) => judgement.verdict === verdict).length;

  return {
    total: judgements.length,
    present: count('present'),
    partial: count('partial'),
    duplicate: count('duplicate'),
    missing: count('missing'),
    removed: checks.filter((judgement) => judgement.passed).length,
    notRemoved: checks.filter((judgement) => !judgement.passed).length,
    optional: judgements.filter((judgement) => judgement.item.optional).length,
  };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
