import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';

/** A plan heading that carries the item's id (`Gap 8`) covers it. */
export const gapIdKind: MatcherKind = {
  kind: 'gap-id',
  summary: 'a plan heading with the same id as the item, such as "Gap 8"',
  options: {
    confidence: confidenceOption(1),
  },
  create(rule, options) {
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence({ item }, plan) {
        if (item.id === null) return [];

        return plan.sectionsWithId(item.id).map((index) =>
          sectionEvidence(rule, index, {
            confidence,
            accepted: true,
            reason: `heading carries the id ${item.id}`,
          }),
        );
      },
    };
  },
};
