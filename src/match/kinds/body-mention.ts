import type { Evidence } from '../../model.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import { confidenceOption } from '../kind.js';
import type { PlanIndex } from '../plan-index.js';

/** How close together the title words must stand; see mentioningBlocks. */
export const MENTION_WINDOW_OPTIONS = {
  minCoverage: {
    type: 'number',
    default: 0.75,
    min: 0,
    max: 1,
    doc: "share of the title's weight that must stand together in the text",
  },
  slack: {
    type: 'number',
    default: 3,
    min: 0,
    max: 50,
    doc: 'extra words allowed between the first and last title word',
  },
} as const;

/**
 * Body text that names the item: its title words close together in one
 * paragraph, list item or table row. Such a mention makes an item without
 * a section partial, or, in a table of contents, checklist or summary
 * table, a reference.
 */
export const bodyMentionKind: MatcherKind = {
  kind: 'body-mention',
  summary:
    "the item's title words close together in a paragraph, list item or table row",
  options: {
    ...MENTION_WINDOW_OPTIONS,
    confidence: confidenceOption(0.5),
  },
  create(rule, options) {
    const slack = options.slack as number;
    const confidence = options.confidence as number;
    const minCoverage = options.minCoverage as number;

    return {
      rule,
      findEvidence(item, plan) {
        const blocks = new Set([
          ...mentioningBlocks(item, plan, minCoverage, slack),
          ...blocksNaming(described(item, plan), plan, minCoverage, slack),
        ]);
        return [...blocks]
          .sort((a, b) => a - b)
          .map((block) => mention(rule, item, plan, block, confidence));
      },
    };
  },
};

/**
 * The blocks that name an item by its title: most of the weight of a
 * reading of the title within a short run of words, its most telling
 * word included.
 */
export function mentioningBlocks(
  item: ItemTerms,
  plan: PlanIndex,
  minCoverage: number,
  slack: number,
): number[] {
  // The head or one part of a title stands for the item only when it
  // is specific: one common word ("errors") would be found anywhere.
  // The head must also keep the title's most telling word: the head
  // of "How is data encrypted in transit?" is not about transit.
  const partial = [
    ...(item.core && keepsTellingWord(item.core, item.canonical, plan)
      ? [item.core]
      : []),
    ...item.mentionParts,
  ].filter((stems) => isSpecific(stems, plan));
  return blocksNaming([...item.variants, ...partial], plan, minCoverage, slack);
}

/**
 * The blocks that name one of the readings: most of its weight within a
 * short run of words, its most telling word included.
 */
function blocksNaming(
  readings: string[][],
  plan: PlanIndex,
  minCoverage: number,
  slack: number,
): number[] {
  const found = new Set<number>();
  for (const variant of readings) {
    const wanted = [...new Set(variant)];
    const weights = new Map(wanted.map((stem) => [stem, plan.weight(stem)]));
    const total = [...weights.values()].reduce(
      (sum, weight) => sum + weight,
      0,
    );
    // On a tie for the most telling word, any of the tied words will
    // do, as for headings.
    const blocks = new Set(
      heaviest(weights).flatMap((stem) => plan.blocksContainingAll([stem])),
    );
    for (const block of blocks) {
      if (!holdsEnough(plan, block, weights, minCoverage * total)) continue;
      const stems = plan.blockStems(block);
      if (
        bestWindowCoverage(stems, weights, wanted.length + slack) / total >=
        minCoverage
      ) {
        found.add(block);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Most distinct words of a description read like a title: a sentence. */
const DESCRIPTION_WORDS = 12;

/**
 * What the item's body asks for, as one more reading when it is short: a
 * template section described as "Run-time and compile-time cost." is
 * named by "there is no run-time cost", whatever its title says. A longer
 * body is read by the title alone; its words are too many to stand
 * together anywhere. Only mentions use it: a section found through a
 * sentence that echoes the description (mentioned-section) would be
 * found through the gap list's wording rather than the plan's.
 */
function described(item: ItemTerms, plan: PlanIndex): string[][] {
  const distinct = [...new Set(item.ask)];
  if (distinct.length < 2 || distinct.length > DESCRIPTION_WORDS) return [];

  // Its most telling words must be rare in the plan's text, as a lone
  // word of a title must: a description of common words ("the team
  // waits for the checks") would be found in half the plan.
  const weights = new Map(distinct.map((stem) => [stem, plan.weight(stem)]));
  const specific = heaviest(weights).every(
    (stem) => plan.blockFrequency(stem) <= LONE_WORD_BLOCKS,
  );
  return specific ? [item.ask] : [];
}

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
    reason: `${plan.block(block).kind} names the item's title words together`,
    sharedTokens: [...new Set(item.canonical)],
    basis: 'mention',
  };
}

/** Most blocks a lone word of a partial reading may appear in. */
const LONE_WORD_BLOCKS = 3;

function isSpecific(stems: string[], plan: PlanIndex): boolean {
  const meaningful = [...new Set(stems)].filter(
    (stem) => plan.vocabulary.weightOf(stem) === 1,
  );
  if (meaningful.length >= 2) return true;
  return (
    meaningful.length === 1 &&
    plan.blockFrequency(meaningful[0]) <= LONE_WORD_BLOCKS
  );
}

function keepsTellingWord(
  head: string[],
  title: string[],
  plan: PlanIndex,
): boolean {
  const heaviestWeight = Math.max(...title.map((stem) => plan.weight(stem)));
  return head.some((stem) => plan.weight(stem) >= heaviestWeight - 1e-9);
}

/** The heaviest stems: one, or several on a tie. */
function heaviest(weights: Map<string, number>): string[] {
  const top = Math.max(...weights.values());
  return [...weights]
    .filter(([, weight]) => weight >= top - 1e-9)
    .map(([stem]) => stem);
}

/**
 * Whether a block holds at least `needed` of the wanted weight anywhere:
 * no window can hold more, and this is cheaper than scanning the block.
 */
function holdsEnough(
  plan: PlanIndex,
  block: number,
  weights: Map<string, number>,
  needed: number,
): boolean {
  let held = 0;
  for (const [stem, weight] of weights)
    if (plan.blockHasStem(block, stem)) held += weight;
  // Sums in another order may differ in the last bits: never skip a tie.
  return held >= needed - 1e-9;
}

/** The most weight of wanted stems that any run of `width` stems holds. */
export function bestWindowCoverage(
  stems: string[],
  weights: Map<string, number>,
  width: number,
): number {
  const counts = new Map<string, number>();
  let covered = 0;
  let best = 0;

  for (let end = 0; end < stems.length; end++) {
    const entering = stems[end];
    if (weights.has(entering)) {
      const count = counts.get(entering) ?? 0;
      if (count === 0) covered += weights.get(entering) as number;
      counts.set(entering, count + 1);
    }

    const leaving = stems[end - width];
    if (end - width >= 0 && weights.has(leaving)) {
      const count = (counts.get(leaving) ?? 1) - 1;
      if (count === 0) covered -= weights.get(leaving) as number;
      counts.set(leaving, count);
    }
    best = Math.max(best, covered);
  }
  return best;
}

/** True when some run of `width` stems holds every wanted stem. */
export function withinWindow(
  stems: string[],
  wanted: string[],
  width: number,
): boolean {
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
