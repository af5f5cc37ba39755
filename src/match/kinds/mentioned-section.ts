import { REFERENCE_KINDS } from '../../model.js';
import { defers } from '../../text/deferral.js';
import { namesOneInstance } from '../../text/variants.js';
import type { MatcherKind } from '../kind.js';
import { confidenceOption, sectionEvidence } from '../kind.js';
import type { PlanIndex } from '../plan-index.js';
import { MENTION_WINDOW_OPTIONS, mentioningBlocks } from './body-mention.js';

/**
 * A section whose body names the item and whose heading shares one of the
 * item's own words: "6.2 Deletion requests ("right to be forgotten")"
 * saying "erasure requests are answered within a month" covers "Right to
 * erasure". Either alone is weak (a heading sharing one word is a near
 * miss, a sentence naming the item is a mention); together they say the
 * section is about it. Text in tables of contents, checklists and summary
 * tables, and text that puts the item off, does not count. Like
 * `gap-body`, it is a fallback: it counts only when no heading matches
 * the item's title.
 */
export const mentionedSectionKind: MatcherKind = {
  kind: 'mentioned-section',
  summary:
    "a section whose body names the item and whose heading shares one of the item's words",
  options: {
    ...MENTION_WINDOW_OPTIONS,
    confidence: confidenceOption(0.6),
  },
  create(rule, options) {
    const minCoverage = options.minCoverage as number;
    const slack = options.slack as number;
    const confidence = options.confidence as number;

    return {
      rule,
      findEvidence(item, plan) {
        const itemWords = new Set(item.canonical);
        const sections = new Map<number, number>();

        for (const index of mentioningBlocks(item, plan, minCoverage, slack)) {
          const block = plan.block(index);
          if (block.section === null || sections.has(block.section)) continue;
          if (REFERENCE_KINDS.has(block.kind) || defers(block.text)) continue;

          const terms = plan.sections[block.section];
          if (namesOneInstance(item.item.title, terms.title)) continue;
          if (sharedMeaningfulWord(terms.canonical, itemWords, plan) === null)
            continue;
          sections.set(block.section, block.line);
        }

        return [...sections].map(([section, line]) =>
          sectionEvidence(rule, section, {
            confidence,
            accepted: true,
            reason: `line ${line} names the item and the heading shares "${sharedMeaningfulWord(plan.sections[section].canonical, itemWords, plan)}"`,
            basis: 'description',
            sharedTokens: [...itemWords],
          }),
        );
      },
    };
  },
};

/** A word of the heading that the item has too, not generic, not a number. */
function sharedMeaningfulWord(
  heading: string[],
  itemWords: Set<string>,
  plan: PlanIndex,
): string | null {
  return (
    heading.find(
      (stem) =>
        itemWords.has(stem) &&
        plan.vocabulary.weightOf(stem) === 1 &&
        !/^\d+$/.test(stem),
    ) ?? null
  );
}
