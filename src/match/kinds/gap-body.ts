import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';
import { withinWindow } from './body-mention.js';

/**
 * A plan heading named in what the item's body asks for: a gap titled
 * "Progressive Deployment Strategy" whose `**Missing**:` line says "Rolling
 * updates with Docker Swarm" is covered by "Docker Swarm Rolling Updates".
 * Only the asking lines count (not "Current State"), the heading's words
 * must stand close together there, and a heading another item claims by
 * its title is left to that item (the judge checks this).
 */
export const gapBodyKind: MatcherKind = {
  kind: 'gap-body',
  summary:
    "a heading whose words stand together in the item's own description of what is missing",
  options: {
    minHeadingWords: {
      type: 'number',
      default: 2,
      min: 1,
      max: 10,
      doc: 'headings with fewer meaningful words are too vague to be named this way',
    },
    slack: {
      type: 'number',
      default: 2,
      min: 0,
      max: 20,
      doc: "extra words allowed between the heading's words in the item's text",
    },
    confidence: confidenceOption(0.7),
  },
  create(rule, options) {
    const minHeadingWords = options.minHeadingWords as number;
    const slack = options.slack as number;
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence(item, plan) {
        // The text of an item to remove says why it goes or what takes its
        // place ("retired; make sure nothing still depends on it"): it
        // names no section that keeps the thing.
        if (item.ask.length === 0 || item.item.remove) return [];
        const asked = new Set(item.ask);

        // Any reading of the heading will do: "Keeping card data out of
        // our systems (hosted fields)" is named by "use hosted fields".
        const named = (reading: string[]) => {
          const heading = [...new Set(reading)];
          const meaningful = heading.filter(
            (stem) => plan.vocabulary.weightOf(stem) === 1,
          );
          return (
            meaningful.length >= minHeadingWords &&
            heading.every(
              (stem) => asked.has(stem) || plan.vocabulary.weightOf(stem) < 1,
            ) &&
            withinWindow(item.ask, meaningful, meaningful.length + slack)
          );
        };

        // A named heading's every meaningful word is asked, its rarest too.
        return plan
          .sectionsAnchoredBy(item.ask)
          .filter((index) => plan.sections[index].variants.some(named))
          .map((index) =>
            sectionEvidence(rule, index, {
              confidence,
              accepted: true,
              reason: "the item's description names this heading",
              basis: 'description',
              sharedTokens: plan.sections[index].canonical,
            }),
          );
      },
    };
  },
};
