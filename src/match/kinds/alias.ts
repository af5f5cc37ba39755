import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';
import { stemKey } from '../plan-index.js';

/**
 * Titles equal once synonyms and abbreviations are read as one word:
 * "K8s Secrets" and "Kubernetes secrets". The groups themselves are this
 * rule's `synonyms` option and also feed every other title rule.
 */
export const aliasKind: MatcherKind = {
  kind: 'alias',
  summary:
    'the same title once synonyms and abbreviations are read as one word',
  options: {
    confidence: confidenceOption(0.95),
    synonyms: {
      type: 'synonym-groups',
      default: [],
      doc: 'groups of words or phrases that mean the same; the first is the canonical one',
    },
  },
  create(rule, options) {
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence({ plain, variants }, plan) {
        if (variants.length === 0) return [];
        const wanted = variants.map(stemKey);
        const literal = plain.join(' ');

        // A section with an equal reading contains that reading's rarest word.
        const candidates = new Set(
          variants.flatMap((stems) =>
            plan.sectionsWithStem(plan.rarestInTitles(stems) as string),
          ),
        );
        return [...candidates]
          .sort((a, b) => a - b)
          .filter((index) => {
            const terms = plan.sections[index];
            return (
              terms.plainKey !== literal &&
              wanted.some((key) => terms.variantKeys.has(key))
            );
          })
          .map((index) =>
            sectionEvidence(rule, index, {
              confidence,
              accepted: true,
              reason:
                'same title through synonyms, word order or a parenthetical',
              sharedTokens: variants[0],
            }),
          );
      },
    };
  },
};
