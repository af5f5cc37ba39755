import type { Evidence } from '../../model.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import { keepExplainable, sectionEvidence } from '../kind.js';
import {
  isQuestion,
  namesOneInstance,
  titleParts,
} from '../../text/variants.js';
import type { PlanIndex, SectionTerms } from '../plan-index.js';

interface Thresholds {
  minItemCoverage: number;
  removalItemCoverage: number;
  minOwnCoverage: number;
  minSectionCoverage: number;
  minPartSectionCoverage: number;
  parentCredit: number;
  leadCredit: number;
  maxConfidence: number;
}

/**
 * Titles that share most of their meaning, rare words counting more than
 * common ones and generic words little. An item word counts fully when the
 * heading has it, partly when only the enclosing heading or the section's
 * opening text has it ("Webhook Delivery Retries" under "6. Webhooks",
 * "6.2 Retry policy"). Three checks keep near misses out:
 * - most of the item's weight must be covered (so "Docker Swarm
 *   Orchestration" does not cover "Docker Swarm Rolling Updates");
 * - the heading itself must carry a good part of it (the parent alone is
 *   not enough);
 * - most of the heading must be explained by the item's title or what it
 *   asks for (so a heading about something larger is not a match), and
 *   more of it for one part of a coordinated title.
 */
export const fuzzyTitleKind: MatcherKind = {
  kind: 'fuzzy-title',
  summary:
    'most of the meaning of both titles shared, rare words counting more',
  options: {
    minItemCoverage: share(
      0.6,
      "share of the item title's weight the section must cover",
    ),
    removalItemCoverage: share(
      0.6,
      'the same for an item to remove: a plan that still has most of it has not removed it',
    ),
    minOwnCoverage: share(
      0.25,
      "share of the item title's weight the heading itself must carry",
    ),
    minSectionCoverage: share(
      0.15,
      "share of the heading's weight the item must explain",
    ),
    minPartSectionCoverage: share(
      0.5,
      'the same for one part of a title that is no question: the heading must be about that part',
    ),
    parentCredit: share(
      0.6,
      'credit for an item word found only in the enclosing heading',
    ),
    leadCredit: share(
      0.5,
      "credit for an item word found only in the section's opening text",
    ),
    maxConfidence: share(
      0.9,
      'confidence of a perfect overlap; exact rules stay above it',
    ),
  },
  create(rule, options) {
    const thresholds = options as unknown as Thresholds;

    return {
      rule,
      findEvidence(item, plan) {
        const readings = prepareReadings(item, plan);
        const compared = candidates(readings, plan).map((index) => {
          const terms = plan.sections[index];
          const overlap = unlessOneInstance(
            item,
            terms,
            bestReading(item, readings, plan, terms, thresholds),
          );
          return { terms, overlap };
        });
        const uncovered = partsNoWholeMatchCarries(
          item,
          compared,
          plan,
          thresholds,
        );
        // Only what can be shown is worded: a large plan gives an item
        // hundreds of rejected candidates.
        return keepExplainable(compared, (entry) => entry.overlap).map(
          ({ terms, overlap }) =>
            toEvidence(rule, terms, overlap, thresholds, uncovered),
        );
      },
    };
  },
};

/**
 * The part readings that no heading matching the whole title carries
 * ("how is it deleted" beside "7. Retention schedule" for "How long is
 * data kept, and how is it deleted?"). A heading carrying such a part of
 * a question is a second place of the item; a part the whole match
 * carries adds nothing.
 * Empty when no heading matches the whole title: then a part match is the
 * item's section, as a description match is.
 */
function partsNoWholeMatchCarries(
  item: ItemTerms,
  compared: Array<{ terms: SectionTerms; overlap: Overlap }>,
  plan: PlanIndex,
  limits: Thresholds,
): Set<Reading> {
  const whole = compared.filter(
    ({ overlap }) => overlap.accepted && !overlap.reading.part,
  );
  const uncovered = new Set<Reading>();
  // Only the clauses of a question ask each their own thing; the parts of
  // "Autoscale the API and the workers" share the verb that says what.
  if (whole.length === 0 || !isQuestion(item.item.title)) return uncovered;

  for (const { overlap } of compared) {
    const reading = overlap.reading;
    if (!overlap.accepted || !reading.part || uncovered.has(reading)) continue;
    const carried = whole.some(({ terms }) =>
      carries(item, reading, terms, plan, limits),
    );
    if (!carried) uncovered.add(reading);
  }
  return uncovered;
}

/** Whether a heading, in any of its readings, carries a reading of the item. */
function carries(
  item: ItemTerms,
  reading: Reading,
  terms: SectionTerms,
  plan: PlanIndex,
  limits: Thresholds,
): boolean {
  const context = {
    parent: terms.parentSet,
    lead: terms.leadSet,
    topic: terms.topic,
  };
  return terms.variantSets.some(
    (offered) =>
      measureOverlap(item, reading, offered, context, plan, limits).accepted,
  );
}

/**
 * A heading that names one instance of what the item asks for in the
 * plural ("Future possibility: precise capturing syntax" for "Future
 * Possibilities") shares every word with it and still is no match.
 */
function unlessOneInstance(
  item: ItemTerms,
  terms: SectionTerms,
  overlap: Overlap,
): Overlap {
  if (!overlap.accepted) return overlap;
  // "Alternative A: …" is one of the alternatives of "Rationale and
  // Alternatives" as much as of "Alternatives".
  const asked = [item.item.title, ...(titleParts(item.item.title) ?? [])];
  if (!asked.some((title) => namesOneInstance(title, terms.title)))
    return overlap;
  return { ...overlap, accepted: false, oneInstance: true };
}

function share(value: number, doc: string) {
  return { type: 'number' as const, default: value, min: 0, max: 1, doc };
}

/** A reading of the item's title with what every comparison needs of it. */
interface Reading {
  wanted: Set<string>;
  /**
   * One part of a coordinated title ("How long is data kept, and how is
   * it deleted?") or the subject of a request ("Lawful basis" of "Lawful
   * basis documented for each purpose"): a heading that carries it covers
   * the item only when no heading carries the whole title, like a
   * description match.
   */
  part: boolean;
  /** A part of a coordinated title, rather than the subject of a request. */
  coordinated: boolean;
  total: number;
  /** Its heaviest stems: one, or several on a tie. */
  telling: string[];
  /** Everything the item says: its title readings and what it asks for. */
  explained: Set<string>;
}

function prepareReadings(item: ItemTerms, plan: PlanIndex): Reading[] {
  const explained = new Set([
    ...item.canonical,
    ...item.variants.flat(),
    ...item.ask,
  ]);

  const readings = [
    ...item.variants.map((stems) => ({
      stems,
      part: false,
      coordinated: false,
    })),
    ...item.parts.map((stems) => ({ stems, part: true, coordinated: true })),
    ...item.subjects.map((stems) => ({
      stems,
      part: true,
      coordinated: false,
    })),
  ];
  return readings.map(({ stems, part, coordinated }) => {
    const wanted = new Set(stems);
    return {
      wanted,
      part,
      coordinated,
      total: plan.totalWeight(wanted),
      telling: mostTelling(wanted, plan),
      explained,
    };
  });
}

/**
 * The sections worth judging: those whose heading, or whose parent's
 * heading, has the most telling word of a reading of the item. No other
 * section can be accepted, and judging only these keeps a large plan from
 * costing items × sections.
 */
function candidates(readings: Reading[], plan: PlanIndex): number[] {
  const found = new Set<number>();

  for (const reading of readings) {
    for (const stem of reading.telling) {
      for (const section of plan.sectionsWithStem(stem)) {
        found.add(section);
        for (const child of plan.childrenOf(section)) found.add(child);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The figures of one reading of the item against one reading of a heading. */
interface Overlap {
  reading: Reading;
  credit: (stem: string) => number;
  itemCoverage: number;
  ownCoverage: number;
  sectionCoverage: number;
  tellingFound: boolean;
  minItemCoverage: number;
  accepted: boolean;
  /** Rejected because the heading names one instance of the item. */
  oneInstance: boolean;
  confidence: number;
}

/**
 * Compare every reading of the item's title with every reading of the
 * heading and keep the best, accepted before rejected, then the surest;
 * only that one is worded as evidence.
 */
function bestReading(
  item: ItemTerms,
  readings: Reading[],
  plan: PlanIndex,
  terms: SectionTerms,
  limits: Thresholds,
): Overlap {
  const context = {
    parent: terms.parentSet,
    lead: terms.leadSet,
    topic: terms.topic,
  };
  let best: Overlap | null = null;

  for (const reading of readings) {
    for (const offered of terms.variantSets) {
      const overlap = measureOverlap(
        item,
        reading,
        offered,
        context,
        plan,
        limits,
      );
      // Accepted before rejected; then a reading of the whole title before
      // one of a part; then the surest.
      const better =
        best === null ||
        (overlap.accepted && !best.accepted) ||
        (overlap.accepted === best.accepted &&
          (overlap.reading.part !== best.reading.part
            ? !overlap.reading.part
            : overlap.confidence > best.confidence));
      if (better) best = overlap;
    }
  }
  return best as Overlap;
}

function measureOverlap(
  item: ItemTerms,
  reading: Reading,
  own: Set<string>,
  context: { parent: Set<string>; lead: Set<string>; topic: string[] | null },
  plan: PlanIndex,
  limits: Thresholds,
): Overlap {
  const { wanted, total } = reading;
  const credit = (stem: string) =>
    own.has(stem)
      ? 1
      : context.parent.has(stem)
        ? limits.parentCredit
        : context.lead.has(stem)
          ? limits.leadCredit
          : 0;

  // Both shares in one pass: every item is compared with hundreds of
  // headings on a large plan.
  let covered = 0;
  let carried = 0;
  for (const stem of wanted) {
    const weight = plan.weight(stem);
    covered += weight * credit(stem);
    carried += own.has(stem) ? weight : 0;
  }
  const itemCoverage = covered / total;
  const ownCoverage = carried / total;

  // How much of the heading the item explains; for "Topic: detail"
  // headings the topic alone may carry it ("Metrics: macro-F1 and recall").
  const sectionCoverage = Math.max(
    explainedShare(own, reading.explained, plan),
    context.topic
      ? explainedShare(new Set(context.topic), reading.explained, plan)
      : 0,
  );
  const minItemCoverage = item.item.remove
    ? limits.removalItemCoverage
    : limits.minItemCoverage;

  // The item's most telling word must be in the heading or its parent:
  // "Guide-level explanation" is not "Reference-level explanation". On a
  // tie, any of the tied words will do.
  const tellingFound = reading.telling.some(
    (stem) => own.has(stem) || context.parent.has(stem),
  );

  const accepted =
    tellingFound &&
    itemCoverage >= minItemCoverage &&
    ownCoverage >= limits.minOwnCoverage &&
    sectionCoverage >= minSectionCoverageOf(item, reading, limits);
  const confidence = round(
    limits.maxConfidence * itemCoverage * (0.6 + 0.4 * sectionCoverage),
  );

  return {
    reading,
    credit,
    itemCoverage,
    ownCoverage,
    sectionCoverage,
    tellingFound,
    minItemCoverage,
    accepted,
    oneInstance: false,
    confidence,
  };
}

/**
 * How much of the heading the item must explain. One part of a
 * coordinated title that is no question ("Training" of "Training and
 * qualification currency") is one word or two of a longer topic: a
 * heading that shares them and says more ("Train the cost weights on
 * past rosters") is about something else. The clauses of a question ask
 * each their own thing and need no more than the whole title.
 */
function minSectionCoverageOf(
  item: ItemTerms,
  reading: Reading,
  limits: Thresholds,
): number {
  return reading.coordinated && !isQuestion(item.item.title)
    ? limits.minPartSectionCoverage
    : limits.minSectionCoverage;
}

/** The share of the weight of `stems` that the item explains. */
function explainedShare(
  stems: Set<string>,
  explained: Set<string>,
  plan: PlanIndex,
): number {
  let part = 0;
  let whole = 0;
  for (const stem of stems) {
    const weight = plan.weight(stem);
    part += explained.has(stem) ? weight : 0;
    whole += weight;
  }
  return part / whole;
}

function toEvidence(
  rule: string,
  terms: SectionTerms,
  overlap: Overlap,
  limits: Thresholds,
  uncovered: Set<Reading>,
): Evidence {
  const stems = [...overlap.reading.wanted];
  const missing = stems.filter((stem) => overlap.credit(stem) === 0);
  const telling = overlap.tellingFound
    ? ''
    : `its most telling word "${overlap.reading.telling.join('/')}" is not in the heading; `;
  const instance = overlap.oneInstance
    ? 'the heading names one instance of what the item asks for; '
    : '';

  return sectionEvidence(rule, terms.section.index, {
    confidence: overlap.confidence,
    accepted: overlap.accepted,
    basis: basisOf(overlap.reading, uncovered),
    sharedTokens: stems.filter((stem) => overlap.credit(stem) > 0),
    reason:
      (uncovered.has(overlap.reading)
        ? 'a part of the title the other headings do not carry: '
        : overlap.reading.part
          ? 'one part of the title: '
          : '') +
      instance +
      telling +
      describe(
        overlap,
        { ...limits, minItemCoverage: overlap.minItemCoverage },
        missing,
      ),
  });
}

/**
 * A part of the title is a fallback, as a description is, or a second
 * place when a heading matches the whole title but not that part.
 */
function basisOf(reading: Reading, uncovered: Set<Reading>): Evidence['basis'] {
  if (!reading.part) return 'title';
  return uncovered.has(reading) ? 'second' : 'description';
}

/** The heaviest stems of the item: one, or several on a tie. */
function mostTelling(stems: Set<string>, plan: PlanIndex): string[] {
  const weights = [...stems].map((stem) => ({
    stem,
    weight: plan.weight(stem),
  }));
  const top = Math.max(...weights.map((entry) => entry.weight));
  return weights
    .filter((entry) => entry.weight >= top - 1e-9)
    .map((entry) => entry.stem);
}

function describe(
  figures: {
    itemCoverage: number;
    ownCoverage: number;
    sectionCoverage: number;
  },
  limits: Thresholds,
  missing: string[],
): string {
  const parts = [
    measure('item covered', figures.itemCoverage, limits.minItemCoverage),
    measure(
      'by the heading itself',
      figures.ownCoverage,
      limits.minOwnCoverage,
    ),
    measure(
      'heading explained',
      figures.sectionCoverage,
      limits.minSectionCoverage,
    ),
  ];
  if (missing.length > 0) parts.push(`not found: ${missing.join(', ')}`);
  return parts.join('; ');
}

function measure(name: string, value: number, minimum: number): string {
  return `${name} ${round(value)}${value < minimum ? ` < ${minimum}` : ''}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
