import type { Evidence } from '../../model.js';
import { REFERENCE_KINDS } from '../../model.js';
import { defers } from '../../text/deferral.js';
import { titleTokens } from '../../text/tokens.js';
import {
  namesOneInstance,
  titleCore,
  titleParts,
} from '../../text/variants.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import { confidenceOption, keepExplainable, sectionEvidence } from '../kind.js';
import type { PlanIndex, SectionTerms } from '../plan-index.js';
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

        const found: Evidence[] = [];
        const explained = explainedStems(item);
        for (const section of candidates(heads, plan)) {
          const terms = plan.sections[section];
          if (namesOneInstance(item.item.title, terms.title)) continue;
          const evidence = judgeSection(rule, item, plan, terms, {
            heads,
            explained,
            limits,
          });
          if (evidence) found.push(evidence);
        }
        // Only what can be shown is worded: see keepExplainable.
        return keepExplainable(found, (entry) => entry);
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
  const phrases = [titleCore(title) ?? title, ...(titleParts(title) ?? [])];
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

function candidates(heads: Set<string>, plan: PlanIndex): number[] {
  const found = new Set<number>();
  for (const head of heads)
    for (const section of plan.sectionsWithStem(head)) found.add(section);
  return [...found].sort((a, b) => a - b);
}

/** What judging one section needs to know of the item, made once per item. */
interface ItemContext {
  heads: Set<string>;
  /** Stems of the item's title, its readings and its ask. */
  explained: Set<string>;
  limits: Limits;
}

function judgeSection(
  rule: string,
  item: ItemTerms,
  plan: PlanIndex,
  terms: SectionTerms,
  { heads, explained, limits }: ItemContext,
): Evidence | null {
  const heading = headingStems(terms);
  const head = [...heads].find((stem) => heading.has(stem));
  if (head === undefined) return null;
  if (headingExplained(explained, heading, plan) < limits.minHeadingExplained)
    return null;

  const best = bestCoverage(item, plan, terms, heading, limits.slack);
  if (best === null) return null;

  const accepted = best.coverage >= limits.minCoverage;
  return sectionEvidence(rule, terms.section.index, {
    confidence: round(limits.confidence * best.coverage),
    accepted,
    basis: 'second',
    sharedTokens: best.shared,
    reason:
      `the heading holds the head word "${head}"; with line ${plan.block(best.block).line} ` +
      `the item is covered ${round(best.coverage)}` +
      (accepted ? '' : ` < ${limits.minCoverage}`),
  });
}

/**
 * Every stem of a heading, in any reading. Kept per section: a section
 * whose title holds a common head word is judged for many items.
 */
const headingsByTerms = new WeakMap<SectionTerms, Set<string>>();

function headingStems(terms: SectionTerms): Set<string> {
  let heading = headingsByTerms.get(terms);
  if (heading === undefined) {
    heading = new Set([...terms.variants.flat(), ...terms.plain]);
    headingsByTerms.set(terms, heading);
  }
  return heading;
}

function explainedStems(item: ItemTerms): Set<string> {
  return new Set([
    ...item.plain,
    ...item.canonical,
    ...item.variants.flat(),
    ...item.ask,
  ]);
}

/** The share of the heading's weight that the item's title or ask explains. */
function headingExplained(
  explained: Set<string>,
  heading: Set<string>,
  plan: PlanIndex,
): number {
  let part = 0;
  let whole = 0;
  for (const stem of heading) {
    const weight = plan.weight(stem);
    part += explained.has(stem) ? weight : 0;
    whole += weight;
  }
  return whole === 0 ? 0 : part / whole;
}

/**
 * The most of a reading of the item's title that the heading and one
 * block of the section's own text (its subsections included) hold
 * together, the block's words close together. Tables of contents,
 * checklists, summary tables and text that puts the item off do not
 * count.
 */
function bestCoverage(
  item: ItemTerms,
  plan: PlanIndex,
  terms: SectionTerms,
  heading: Set<string>,
  slack: number,
): { coverage: number; block: number; shared: string[] } | null {
  let best: { coverage: number; block: number; shared: string[] } | null = null;

  for (const reading of [...item.variants, item.plain]) {
    const wanted = [...new Set(reading)];
    const total = plan.totalWeight(wanted);
    const inHeading = wanted.filter((stem) => heading.has(stem));
    const rest = new Map(
      wanted
        .filter((stem) => !heading.has(stem))
        .map((stem) => [stem, plan.weight(stem)]),
    );
    if (total === 0 || rest.size === 0) continue;
    const held = plan.totalWeight(inHeading);

    const inSection = plan.blocksWithinContainingAny(terms.section.index, [
      ...rest.keys(),
    ]);
    for (const block of inSection) {
      const place = plan.block(block);
      if (REFERENCE_KINDS.has(place.kind) || defers(place.text)) continue;

      const stems = plan.blockStems(block);
      const window = bestWindowCoverage(stems, rest, rest.size + slack);
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
