import type { Evidence } from '../../model.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import type { PlanIndex } from '../plan-index.js';

/**
 * Body text that names the item: its title words close together in one
 * paragraph, list item or table row. Such a mention makes an item without
 * a section partial, or, in a table of contents, checklist or summary
 * table, a reference.
 */
export const bodyMentionKind: MatcherKind = {
  kind: 'body-mention',
  summary: "the item's title words close together in a paragraph, list item or table row",
  options: {
    slack: {
      type: 'number',
      default: 3,
      min: 0,
      max: 50,
      doc: 'extra words allowed between the first and last title word',
    },
    confidence: { type: 'number', default: 0.5, min: 0, max: 1, doc: 'confidence of a mention' },
  },
  create(rule, options) {
    const slack = options.slack as number;
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence(item, plan) {
        const wanted = [...new Set(item.canonical)];
        if (wanted.length === 0) return [];

        return plan
          .blocksContainingAll(wanted)
          .filter((block) => withinWindow(plan.blockStems(block), wanted, wanted.length + slack))
          .map((block) => mention(rule, item, plan, block, confidence));
      },
    };
  },
};

function mention(
  rule: string,
  item: ItemTerms,
  plan: PlanIndex,
  block: number,
  confidence: number,
): Evidence {
  return {
    rule,
    section: null,
    block,
    confidence,
    accepted: true,
    reason: `${plan.block(block).kind} names every title word`,
    sharedTokens: [...new Set(item.canonical)],
  };
}

/** True when some run of `width` stems holds every wanted stem. */
export function withinWindow(stems: string[], wanted: string[], width: number): boolean {
  const need = new Set(wanted);
  const counts = new Map<string, number>();
  let covered = 0;

  for (let end = 0; end < stems.length; end++) {
    if (need.has(stems[end])) {
      const count = counts.get(stems[end]) ?? 0;
      if (count === 0) covered++;
      counts.set(stems[end], count + 1);
    }

    const start = end - width;
    if (start >= 0 && need.has(stems[start])) {
      const count = (counts.get(stems[start]) ?? 1) - 1;
      if (count === 0) covered--;
      counts.set(stems[start], count);
    }

    if (covered === need.size) return true;
  }
  return false;
}
