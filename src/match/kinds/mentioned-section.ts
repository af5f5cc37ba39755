import type { Evidence } from '../../model.js';
import { REFERENCE_KINDS } from '../../model.js';
import { defers, statesRemoval } from '../../text/deferral.js';
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
 * tables, and text that puts the item off, does not count. A section
 * whose own text names the item in every block, two at least, is about
 * it whatever its heading says ("Layout without physical directions",
 * all about right-to-left layouts). Like
 * `gap-body`, it is a fallback: it counts only when no heading matches
 * the item's title.
 */
export const mentionedSectionKind: MatcherKind = {
  kind: 'mentioned-section',
  summary:
    "a section whose body names the item and whose heading shares one of the item's words, " +
    'or whose every block names it',
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
        const mentions = mentionsBySection(
          plan,
          mentioningBlocks(item, plan, minCoverage, slack).filter(
            (block) =>
              !item.item.remove || !statesRemoval(plan.block(block).text),
          ),
        );
        const evidence: Evidence[] = [];

        for (const [section, { firstLine, count }] of mentions) {
          const terms = plan.sections[section];
          if (namesOneInstance(item.item.title, terms.title)) continue;
          const shared = sharedMeaningfulWord(terms.canonical, itemWords, plan);
          if (shared === null && !isAllAbout(plan, section, count)) continue;

          evidence.push(
            sectionEvidence(rule, section, {
              confidence,
              accepted: true,
              reason: because(shared, firstLine),
              basis: 'description',
              sharedTokens: [...itemWords],
            }),
          );
        }
        return evidence;
      },
    };
  },
};

/**
 * A word of the heading that the item has too: not generic, not a
 * number, and not a word of the document's title, which every section
 * shares ("launch" of "Harbourton Open Data: launch plan" names no
 * section of a launch plan).
 */
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
        !plan.namesTheDocument(stem) &&
        !/^\d+$/.test(stem),
    ) ?? null
  );
}

/**
 * Per section, the first line and the number of its own blocks that
 * name the item; references and text that puts the item off left out.
 */
function mentionsBySection(
  plan: PlanIndex,
  blocks: number[],
): Map<number, { firstLine: number; count: number }> {
  const mentions = new Map<number, { firstLine: number; count: number }>();
  for (const index of blocks) {
    const block = plan.block(index);
    if (block.section === null) continue;
    if (REFERENCE_KINDS.has(block.kind) || defers(block.text)) continue;

    const known = mentions.get(block.section);
    if (known) known.count++;
    else mentions.set(block.section, { firstLine: block.line, count: 1 });
  }
  return mentions;
}

/**
 * True when every block of a section's own text, two at least, names the
 * item: whatever its heading says ("Layout without physical directions"),
 * the section is about the item ("Right-to-left (RTL) support"). One
 * paragraph alone may be a passing remark.
 */
function isAllAbout(plan: PlanIndex, section: number, count: number): boolean {
  return count >= MIN_BLOCKS_ALL_ABOUT && count === plan.ownBlockCount(section);
}

const MIN_BLOCKS_ALL_ABOUT = 2;

/** Why the section is about the item: the word its heading shares, or none. */
function because(shared: string | null, line: number): string {
  return shared === null
    ? `every block of its text names the item, from line ${line}`
    : `line ${line} names the item and the heading shares "${shared}"`;
}
