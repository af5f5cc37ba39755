import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';

/**
 * Titles equal once decorations, case, punctuation and plural endings are
 * gone: "Gap 8: Docker Swarm Rolling Updates (30 Minutes) 🟡" and
 * "🐳 **Docker Swarm** rolling update" are the same title.
 */
export const exactTitleKind: MatcherKind = {
  kind: 'exact-title',
  summary:
    'the same title after normalising case, punctuation, decorations and plurals',
  options: {
    confidence: confidenceOption(1),
  },
  create(rule, options) {
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence({ plain, canonical }, plan) {
        if (plain.length === 0) return [];
        const wanted = plain.join(' ');

        // A section with an equal title has the same canonical words, so it
        // is among those holding the rarest of them.
        return plan
          .sectionsWithStem(plan.rarestInTitles(canonical) as string)
          .filter((index) => plan.sections[index].plainKey === wanted)
          .map((index) =>
            sectionEvidence(rule, index, {
              confidence,
              accepted: true,
              reason: 'same normalised title',
              sharedTokens: plain,
            }),
          );
      },
    };
  },
};
