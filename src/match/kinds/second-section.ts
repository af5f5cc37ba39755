import type { Evidence } from '../../model.js';
import { REFERENCE_KINDS } from '../../model.js';
import { defers } from '../../text/deferral.js';
import { titleTokens } from '../../text/tokens.js';
import {
  namesOneInstance,
  titleCore,
  topicParts,
} from '../../text/variants.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import { confidenceOption, keepExplainable, sectionEvidence } from '../kind.js';
import { bitIsSet, type PlanIndex, type SectionTerms } from '../plan-index.js';
import { bestWindowCoverage } from './body-mention.js';

/**
 * A second place of an item that another section covers: a heading that
 * holds the item's head word (the noun its other words qualify), whose
 * text names the rest of the item. "Appendix C: Probe settings per
 * service", with a table of readiness and liveness settings, is a second
 * section of "Readiness and liveness probes" beside "Health probes".
 * "Webhook timeouts" is not one of "Webhook retries": it shares the
 * qualifier, not the head. The judge counts this only when another
 * section covers the item, and never for a heading another item has.
 */
export const secondSectionKind: MatcherKind = {
  kind: 'second-section',
  summary:
    "a heading with the item's head word whose text names the rest of the item: a second place",
  options: {
    minCoverage: {
      type: 'number',
      default: 0.6,
      min: 0,
      max: 1,
      doc: "share of the title's weight the heading and one block of its text must hold together",
    },
    minHeadingExplained: {
      type: 'number',
      default: 0.15,
      min: 0,
      max: 1,
      doc: "share of the heading's weight the item must explain",
    },
    slack: {
      type: 'number',
      default: 3,
      min: 0,
      max: 50,
      doc: 'extra words allowed between the title words found in the text',
    },
    confidence: confidenceOption(0.55),
  },
  create(rule, options) {
    const limits = options as unknown as Limits;

    return {
      rule,
      findEvidence(item, plan) {
        const heads = headStems(item, plan);
        if (heads.size === 0) return [];

        const context = itemContext(item, plan, heads, limits);
        const found: Finding[] = [];
        for (const section of plan.sectionsSharing([...heads])) {
          if (!mayCover(section, context)) continue;
          const finding = judgeSection(
            item,
            plan,
            plan.sections[section],
            context,
          );
          if (finding) found.push(finding);
        }
        // Only what can be shown is worded: see keepExplainable.
        return keepExplainable(found, (entry) => entry).map((entry) =>
          evidenceOf(rule, plan, entry, limits),
        );
      },
    };
  },
};

interface Limits {
  minCoverage: number;
  minHeadingExplained: number;
  slack: number;
  confidence: number;
}

/**
 * The item's head words: the last word of its head ("probes" of
 * "Readiness and liveness probes", "reconciliation" of "Daily
 * reconciliation against PSP settlement reports") and of each of its
 * coordinated parts, as written and with synonyms read as one word.
 * Generic words and numbers are no head: "plan" is not a topic.
 */
function headStems(item: ItemTerms, plan: PlanIndex): Set<string> {
  const title = item.item.title.replace(/\([^()]*\)/g, ' ');
  const phrases = [titleCore(title) ?? title, ...(topicParts(title) ?? [])];
  const heads = new Set<string>();

  for (const phrase of phrases) {
    const plain = titleTokens(phrase);
    const canonical = plan.vocabulary.canonicalize(plain);
    for (const stems of [plain, canonical]) {
      const last = stems[stems.length - 1];
      if (last === undefined || /^\d+$/.test(last)) continue;
      if (plan.vocabulary.weightOf(last) === 1) heads.add(last);
    }
  }
  return heads;
}

/**
 * Whether the section's heading or text holds a telling word of the item
 * (see tellingStems), and enough of some reading's weight in all, its
 * heading and its text counted together: short of that, no block can
 * bring the reading to `minCoverage`. On a large plan a common head word
 * ("tests", "budget") meets thousands of sections, and most of those
 * that name a telling word somewhere hold little else of the item; these
 * tests of bits spare judging nearly all of them.
 */
function mayCover(section: number, context: ItemContext): boolean {
  if (!context.tellingSections.some((bits) => bitIsSet(bits, section)))
    return false;
  return context.reachable.some(
    (reading) => heldWeight(reading, section) >= reading.enough,
  );
}

/** The weight of a reading's stems that the section holds anywhere. */
function heldWeight(reading: ReachableReading, section: number): number {
  let held = 0;
  reading.holding.forEach((bits, position) => {
    if (bitIsSet(bits, section)) held += reading.weights[position];
  });
  return held;
}

/**
 * What judging a section needs to know of the item, made once per item:
 * a common head word makes an item meet hundreds of sections on a large
 * plan, and each meeting should cost only the comparison itself.
 */
interface ItemContext {
  heads: Set<string>;
  /** Stems of the item's title, its readings and its ask. */
  explained: Set<string>;
  /** Each reading of the title: its distinct stems and their weight. */
  readings: { wanted: string[]; total: number }[];
  /** Per telling stem (see tellingStems), the sections that hold it. */
  tellingSections: Uint32Array[];
  /** Per reading, where its stems are held and the weight it needs. */
  reachable: ReachableReading[];
  /** The plan's headings prepared so far, by section (see headingOf). */
  headings: (Heading | null)[];
  limits: Limits;
}

function itemContext(
  item: ItemTerms,
  plan: PlanIndex,
  heads: Set<string>,
  limits: Limits,
): ItemContext {
  const explained = new Set([
    ...item.plain,
    ...item.canonical,
    ...item.variants.flat(),
    ...item.ask,
  ]);
  const readings = [...item.variants, item.plain].map((reading) => {
    const wanted = [...new Set(reading)];
    return { wanted, total: plan.totalWeight(wanted) };
  });
  const telling = new Set(
    readings.flatMap((reading) =>
      tellingStems(reading, plan, limits.minCoverage),
    ),
  );
  const holding = holdingOnce(plan);
  return {
    heads,
    explained,
    readings,
    tellingSections: [...telling].map(holding),
    reachable: reachableReadings(readings, plan, limits.minCoverage, holding),
    headings: headingsOf(plan),
    limits,
  };
}

/**
 * The heaviest stems of a reading, as many as it takes for the others to
 * weigh less than `minCoverage` of it: any covering of the reading holds
 * at least one of them: "kafka" alone of "Kafka consumer lag alerts" in a
 * plan where many headings say "consumer" and "lag" and none "Kafka".
 */
function tellingStems(
  { wanted, total }: { wanted: string[]; total: number },
  plan: PlanIndex,
  minCoverage: number,
): string[] {
  if (total === 0) return [];

  const byWeight = [...wanted].sort((a, b) => plan.weight(b) - plan.weight(a));
  // A margin for rounding: a telling stem too many costs a little time,
  // one too few would lose a match.
  const enough = minCoverage * total - 1e-9;
  const telling: string[] = [];
  let others = total;
  for (const stem of byWeight) {
    if (others < enough) break;
    telling.push(stem);
    others -= plan.weight(stem);
  }
  return telling;
}

/** A reading's stems with the sections holding each and their weights. */
interface ReachableReading {
  holding: Uint32Array[];
  weights: number[];
  /** The held weight that `minCoverage` asks for. */
  enough: number;
}

/**
 * PlanIndex.sectionsHolding, asked once per stem for one item: the
 * telling stems are among the readings' stems, and the plan keeps the
 * bits of common stems only.
 */
function holdingOnce(plan: PlanIndex): (stem: string) => Uint32Array {
  const known = new Map<string, Uint32Array>();
  return (stem) => {
    let bits = known.get(stem);
    if (bits === undefined) {
      bits = plan.sectionsHolding(stem);
      known.set(stem, bits);
    }
    return bits;
  };
}

/**
 * Each reading as bits to test (see mayCover); a reading without weight
 * can never be covered.
 */
function reachableReadings(
  readings: { wanted: string[]; total: number }[],
  plan: PlanIndex,
  minCoverage: number,
  holding: (stem: string) => Uint32Array,
): ReachableReading[] {
  return readings
    .filter(({ total }) => total > 0)
    .map(({ wanted, total }) => ({
      holding: wanted.map(holding),
      weights: wanted.map((stem) => plan.weight(stem)),
      // The same margin for rounding as in tellingStems.
      enough: minCoverage * total - 1e-9,
    }));
}

/** A section found to be a second place, before it is worded as evidence. */
interface Finding {
  section: number;
  head: string;
  accepted: boolean;
  confidence: number;
  coverage: number;
  block: number;
  shared: string[];
}

function judgeSection(
  item: ItemTerms,
  plan: PlanIndex,
  terms: SectionTerms,
  context: ItemContext,
): Finding | null {
  const { heads, explained, limits } = context;
  const heading = headingOf(terms, plan, context);
  const head = firstHeld(heads, heading.stems);
  if (head === null) return null;
  if (explainedShare(explained, heading) < limits.minHeadingExplained)
    return null;
  if (namesOneInstance(item.item.title, terms.title)) return null;

  const best = bestCoverage(plan, terms, heading.stems, context);
  if (best === null) return null;

  return {
    section: terms.section.index,
    head,
    accepted: best.coverage >= limits.minCoverage,
    confidence: round(limits.confidence * best.coverage),
    ...best,
  };
}

function firstHeld(stems: Set<string>, heading: Set<string>): string | null {
  for (const stem of stems) if (heading.has(stem)) return stem;
  return null;
}

function evidenceOf(
  rule: string,
  plan: PlanIndex,
  finding: Finding,
  limits: Limits,
): Evidence {
  const line = plan.block(finding.block).line;
  return sectionEvidence(rule, finding.section, {
    confidence: finding.confidence,
    accepted: finding.accepted,
    basis: 'second',
    sharedTokens: finding.shared,
    reason:
      `the heading holds the head word "${finding.head}"; with line ${line} ` +
      `the item is covered ${round(finding.coverage)}` +
      (finding.accepted ? '' : ` < ${limits.minCoverage}`),
  });
}

/** A heading's stems in every reading, with their weights summed. */
interface Heading {
  stems: Set<string>;
  weights: Map<string, number>;
  whole: number;
}

/**
 * Headings by section, kept per plan: a section whose title holds a
 * common head word is judged for many items, and its heading never
 * changes.
 */
const headingsByPlan = new WeakMap<PlanIndex, (Heading | null)[]>();

function headingsOf(plan: PlanIndex): (Heading | null)[] {
  let headings = headingsByPlan.get(plan);
  if (headings === undefined) {
    // Filled, not `new Array(length)`: a large array of holes is slow.
    headings = plan.sections.map(() => null);
    headingsByPlan.set(plan, headings);
  }
  return headings;
}

function headingOf(
  terms: SectionTerms,
  plan: PlanIndex,
  { headings }: ItemContext,
): Heading {
  const index = terms.section.index;
  let heading = headings[index];
  if (heading === null) {
    const stems = new Set([...terms.variants.flat(), ...terms.plain]);
    const weights = new Map(
      [...stems].map((stem) => [stem, plan.weight(stem)]),
    );
    let whole = 0;
    for (const weight of weights.values()) whole += weight;
    heading = { stems, weights, whole };
    headings[index] = heading;
  }
  return heading;
}

/** The share of the heading's weight that the item's title or ask explains. */
function explainedShare(explained: Set<string>, heading: Heading): number {
  if (heading.whole === 0) return 0;

  let part = 0;
  for (const [stem, weight] of heading.weights)
    if (explained.has(stem)) part += weight;
  return part / heading.whole;
}

/**
 * The most of a reading of the item's title that the heading and one
 * block of the section's own text (its subsections included) hold
 * together, the block's words close together. Tables of contents,
 * checklists, summary tables and text that puts the item off do not
 * count.
 */
function bestCoverage(
  plan: PlanIndex,
  terms: SectionTerms,
  heading: Set<string>,
  { readings, limits }: ItemContext,
): { coverage: number; block: number; shared: string[] } | null {
  let best: { coverage: number; block: number; shared: string[] } | null = null;

  for (const { wanted, total } of readings) {
    let held = 0;
    const rest: string[] = [];
    for (const stem of wanted) {
      if (heading.has(stem)) held += plan.weight(stem);
      else rest.push(stem);
    }
    if (total === 0 || rest.length === 0) continue;
    const inSection = plan.blocksWithinContainingAny(terms.section.index, rest);
    if (inSection.length === 0) continue;

    const restWeights = new Map(rest.map((stem) => [stem, plan.weight(stem)]));
    for (const block of inSection) {
      const place = plan.block(block);
      if (REFERENCE_KINDS.has(place.kind) || defers(place.text)) continue;

      const stems = plan.blockStems(block);
      const window = bestWindowCoverage(
        stems,
        restWeights,
        rest.length + limits.slack,
      );
      const coverage = (held + window) / total;
      if (best === null || coverage > best.coverage) {
        const named = new Set(stems);
        best = {
          coverage,
          block,
          shared: wanted.filter((stem) => heading.has(stem) || named.has(stem)),
        };
      }
    }
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
