import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';

/**
 * Titles equal once synonyms and abbreviations are read as one word:
 * "K8s Secrets" and "Kubernetes secrets". The groups themselves are this
 * rule's `synonyms` option and also feed every other title rule.
 */
export const aliasKind: MatcherKind = {
  kind: 'alias',
  summary: 'the same title once synonyms and abbreviations are read as one word',
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
        const wanted = new Set(variants.map(asKey));
        const literal = plain.join(' ');

        return plan
          .sectionsSharing(variants.flat())
          .filter((index) => {
            const terms = plan.sections[index];
            return terms.plain.join(' ') !== literal && terms.variants.some((stems) => wanted.has(asKey(stems)));
          })
          .map((index) =>
            sectionEvidence(rule, index, {
              confidence,
              accepted: true,
              reason: 'same title through synonyms, word order or a parenthetical',
              sharedTokens: variants[0],
            }),
          );
      },
    };
  },
};

/** Stems as an order-free key. */
function asKey(stems: string[]): string {
  return [...new Set(stems)].sort().join(' ');
}
