import type { ItemTerms } from '../match/kind.js';
import type { PlanIndex } from '../match/plan-index.js';
import type { ClosestSection, Judgement } from '../model.js';
import { REFERENCE_KINDS } from '../model.js';
import { isWithin } from '../plan/sections.js';

export interface ClosestSettings {
  titleWeight: number;
  descriptionWeight: number;
  minScore: number;
  minLead: number;
}

/**
 * The usual constants of Okapi BM25: how soon repeats of a word stop
 * counting, and how much a long section is marked down for its length.
 */
const SATURATION = 1.2;
const LENGTH_NORMALISATION = 0.75;

/**
 * Name, for every item judged missing or partial, the section that shares
 * most of its words (see rules/closest-section.yml). Many of the sections
 * a plan has under another name rank first this way, but so do sections
 * that only discuss the item, which is why this is a lead and not a match.
 * A partial item's lead is dropped when it holds the mention already shown.
 * `terms` are the items' terms, in the order of `judgements`.
 */
export function pointToClosestSections(
  judgements: Judgement[],
  terms: ItemTerms[],
  plan: PlanIndex,
  settings: ClosestSettings,
): void {
  const open = judgements.flatMap((judgement, position) =>
    isOpen(judgement) ? [{ judgement, terms: terms[position] }] : [],
  );
  if (open.length === 0) return;

  const texts = new SectionTexts(plan, settings.titleWeight);
  for (const { judgement, terms: itemTerms } of open) {
    const closest = texts.closest(
      askedWords(itemTerms, plan, settings.descriptionWeight),
      settings,
    );
    if (closest && !holdsAMention(closest, judgement))
      judgement.closest = closest;
  }
}

function isOpen(judgement: Judgement): boolean {
  return (
    !judgement.item.remove &&
    (judgement.verdict === 'missing' || judgement.verdict === 'partial')
  );
}

/**
 * The item's telling words and how much each counts: its title's fully,
 * its description's in part. Generic words ("plan", "strategy") would
 * only rank long sections first.
 */
function askedWords(
  terms: ItemTerms,
  plan: PlanIndex,
  descriptionWeight: number,
): Map<string, number> {
  const words = new Map<string, number>();
  const telling = (stem: string) => plan.vocabulary.weightOf(stem) === 1;

  for (const stem of terms.canonical.filter(telling)) words.set(stem, 1);
  for (const stem of terms.ask.filter(telling))
    if (!words.has(stem)) words.set(stem, descriptionWeight);
  return words;
}

function holdsAMention(closest: ClosestSection, judgement: Judgement): boolean {
  return judgement.mentions.some(
    (mention) =>
      mention.file === closest.file &&
      closest.startLine <= mention.line &&
      mention.line <= closest.endLine,
  );
}

/** The sections holding a word, and how often each holds it. */
interface Postings {
  sections: number[];
  counts: number[];
}

/**
 * Each section's heading and own text (not its subsections', which are
 * sections of their own; not its tables of contents or checklists, which
 * only name things) as counted words, kept as an inverted index so an
 * item is scored only against the sections that share a word with it.
 * A large plan has hundreds of open items and thousands of sections,
 * hence flat arrays and one pass over the scored sections per item.
 */
class SectionTexts {
  private readonly postings = new Map<string, Postings>();
  /** Per section, the part of BM25's denominator that its length sets. */
  private readonly lengthTerms: Float64Array;
  private readonly scores: Float64Array;
  private readonly sectionCount: number;

  constructor(
    private readonly plan: PlanIndex,
    titleWeight: number,
  ) {
    const counts = this.countWords(titleWeight);
    this.sectionCount = counts.length;
    this.scores = new Float64Array(counts.length);

    const lengths = counts.map((words) => sumOf(words.values()));
    const averageLength = Math.max(
      1,
      sumOf(lengths) / Math.max(1, lengths.length),
    );
    this.lengthTerms = Float64Array.from(
      lengths,
      (length) =>
        SATURATION *
        (1 -
          LENGTH_NORMALISATION +
          (LENGTH_NORMALISATION * length) / averageLength),
    );

    this.index(counts);
  }

  private index(counts: Map<string, number>[]): void {
    counts.forEach((words, section) => {
      for (const [stem, count] of words) {
        let postings = this.postings.get(stem);
        if (!postings) {
          postings = { sections: [], counts: [] };
          this.postings.set(stem, postings);
        }
        postings.sections.push(section);
        postings.counts.push(count);
      }
    });
  }

  private countWords(titleWeight: number): Map<string, number>[] {
    const counts = this.plan.sections.map((terms) => {
      const words = new Map<string, number>();
      for (const stem of terms.canonical)
        words.set(stem, (words.get(stem) ?? 0) + titleWeight);
      return words;
    });

    this.plan.outline.blocks.forEach((block, index) => {
      if (block.section === null || REFERENCE_KINDS.has(block.kind)) return;
      const words = counts[block.section];
      for (const stem of this.plan.blockStems(index))
        words.set(stem, (words.get(stem) ?? 0) + 1);
    });
    return counts;
  }

  /** The best section for the words, if it is a clear enough lead. */
  closest(
    words: Map<string, number>,
    settings: ClosestSettings,
  ): ClosestSection | null {
    const scored = this.score(words);
    // The scores are kept in one array for all items: clear this item's.
    try {
      return this.lead(scored, words, settings);
    } finally {
      for (const section of scored) this.scores[section] = 0;
    }
  }

  private lead(
    scored: number[],
    words: Map<string, number>,
    settings: ClosestSettings,
  ): ClosestSection | null {
    const best = this.bestOf(scored, () => true);
    if (best === null) return null;

    const bestScore = this.scores[best];
    const share = bestScore / this.bestPossible(words);
    if (share < settings.minScore) return null;

    // Its own parent or child is the same place, not a rival.
    const sections = this.plan.outline.sections;
    const rival = this.bestOf(
      scored,
      (other) =>
        other !== best &&
        !isWithin(sections, other, best) &&
        !isWithin(sections, best, other),
    );
    const rivalScore = rival === null ? 0 : this.scores[rival];
    if (bestScore < settings.minLead * rivalScore) return null;

    const section = sections[best];
    return {
      title: section.title,
      startLine: section.startLine,
      endLine: section.endLine,
      score: Math.round(share * 100) / 100,
      ...(section.file === undefined ? {} : { file: section.file }),
    };
  }

  /** The highest scored section that passes, the first on a tie. */
  private bestOf(
    scored: number[],
    passes: (section: number) => boolean,
  ): number | null {
    let best: number | null = null;
    for (const section of scored) {
      if (!passes(section)) continue;
      const score = this.scores[section];
      const bestScore = best === null ? -1 : this.scores[best];
      if (
        score > bestScore ||
        (score === bestScore && section < (best as number))
      )
        best = section;
    }
    return best;
  }

  /** Adds up each section's BM25 score in `scores`; returns the sections scored. */
  private score(words: Map<string, number>): number[] {
    const scored: number[] = [];
    for (const [stem, weight] of words) {
      const postings = this.postings.get(stem);
      if (!postings) continue;

      const idf = this.idf(stem);
      postings.sections.forEach((section, position) => {
        const count = postings.counts[position];
        if (this.scores[section] === 0) scored.push(section);
        this.scores[section] +=
          (weight * idf * count * (SATURATION + 1)) /
          (count + this.lengthTerms[section]);
      });
    }
    return scored;
  }

  /** The score of a section holding every word, each often. */
  private bestPossible(words: Map<string, number>): number {
    let best = 0;
    for (const [stem, weight] of words)
      best += weight * this.idf(stem) * (SATURATION + 1);
    return best;
  }

  /** Rarity of a word across sections, as BM25 counts it. */
  private idf(stem: string): number {
    const holding = this.postings.get(stem)?.sections.length ?? 0;
    return Math.log(1 + (this.sectionCount - holding + 0.5) / (holding + 0.5));
  }
}

function sumOf(values: Iterable<number>): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}
