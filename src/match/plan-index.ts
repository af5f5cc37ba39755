import type { Block, PlanOutline, Section } from '../model.js';
import { REFERENCE_KINDS } from '../model.js';
import { parseDecoratedTitle } from '../text/decorations.js';
import { defers, sentences } from '../text/deferral.js';
import { titleTokens } from '../text/tokens.js';
import { askedTopic, headingTopic, titleVariants } from '../text/variants.js';
import type { Vocabulary } from './vocabulary.js';

/** A section title ready for matching. */
export interface SectionTerms {
  section: Section;
  /** The title without decorations. */
  title: string;
  id: string | null;
  /** Stems without synonyms applied. */
  plain: string[];
  /** `plain` joined by spaces, for comparing whole titles. */
  plainKey: string;
  /** Stems with synonyms replaced by their canonical forms. */
  canonical: string[];
  /** `canonical` without repeats. */
  distinctCanonical: string[];
  /** Canonical stems of each reading of the title (see titleVariants). */
  variants: string[][];
  /** Canonical stems of the topic of a "Topic: detail" title, or null. */
  topic: string[] | null;
  /** Canonical stems of the enclosing section's title. */
  parent: string[];
  /** Canonical stems of the section's own opening text, before any subheading. */
  lead: string[];
  /** The stems of each reading as an order-free key, for equal-title rules. */
  variantKeys: Set<string>;
  /**
   * `variants`, `parent` and `lead` as sets: a section is compared with
   * hundreds of items on a large plan, and building them once is cheaper.
   */
  variantSets: Set<string>[];
  parentSet: Set<string>;
  leadSet: Set<string>;
}

/** Stems as an order-free key: the same words in any order are one title. */
export function stemKey(stems: string[]): string {
  return [...new Set(stems)].sort().join(' ');
}

/** How much of a section's own text counts as its lead. */
const LEAD_STEMS = 80;

/**
 * The plan prepared once for every item: titles tokenised, word rarity
 * (IDF over section titles) and inverted indexes from a stem to the
 * sections and blocks that contain it, so matching an item looks only at
 * places that share a word with it.
 */
export class PlanIndex {
  readonly outline: PlanOutline;
  readonly vocabulary: Vocabulary;
  readonly sections: SectionTerms[];
  private readonly blockTerms: string[][];
  private readonly sectionsByStem = new Map<string, number[]>();
  private readonly blocksByStem = new Map<string, number[]>();
  /**
   * `blocksByStem` as bit sets, made when first asked for: asked millions
   * of times on a large plan, where a Set of block numbers is much slower.
   */
  private readonly blockBits = new Map<string, Uint32Array>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly weights = new Map<string, number>();
  private readonly sectionsById = new Map<string, number[]>();
  private readonly children = new Map<number, number[]>();
  private readonly subject: Set<string>;

  constructor(outline: PlanOutline, vocabulary: Vocabulary) {
    this.outline = outline;
    this.vocabulary = vocabulary;
    this.blockTerms = outline.blocks.map((block) =>
      vocabulary.canonicalTokens(block.text),
    );
    this.sections = outline.sections.map((section) => this.termsOf(section));
    this.subject = this.documentSubject();
    this.addContext();

    this.sections.forEach((terms, index) =>
      addPostings(this.sectionsByStem, terms.variants.flat(), index),
    );
    this.blockTerms.forEach((stems, index) =>
      addPostings(this.blocksByStem, stems, index),
    );
    for (const [stem, postings] of this.sectionsByStem)
      this.documentFrequency.set(stem, postings.length);
    this.indexIdsAndChildren();
  }

  /** Sections whose heading carries an id such as `Gap 8` (any case). */
  sectionsWithId(id: string): number[] {
    return this.sectionsById.get(id.toLowerCase()) ?? [];
  }

  /** Sections whose title (any reading) contains a stem. */
  sectionsWithStem(stem: string): number[] {
    return this.sectionsByStem.get(stem) ?? [];
  }

  /** The sections directly inside a section. */
  childrenOf(section: number): number[] {
    return this.children.get(section) ?? [];
  }

  /** Of some stems, the one the fewest section titles contain. */
  rarestInTitles(stems: string[]): string | null {
    let best: string | null = null;
    for (const stem of stems) {
      if (
        best === null ||
        this.sectionsWithStem(stem).length < this.sectionsWithStem(best).length
      )
        best = stem;
    }
    return best;
  }

  /**
   * How rare a stem is among section titles: rare words decide a match,
   * words in every title ("week", "setup") barely count.
   */
  idf(stem: string): number {
    // A word in no title is treated like a word in one: absent words are
    // often only the gap list's phrasing, not a rarer topic.
    const frequency = Math.max(1, this.documentFrequency.get(stem) ?? 0);
    return Math.log((this.sections.length + 1) / (frequency + 0.5));
  }

  /** Rarity times meaning: the weight of a stem in every comparison. */
  weight(stem: string): number {
    // Asked for millions of times on a large plan; the answer never changes.
    let weight = this.weights.get(stem);
    if (weight === undefined) {
      weight = this.idf(stem) * this.vocabulary.weightOf(stem);
      if (this.subject.has(stem)) weight *= this.vocabulary.genericWeight;
      this.weights.set(stem, weight);
    }
    return weight;
  }

  /** Σ weight over the distinct stems given. */
  totalWeight(stems: Iterable<string>): number {
    let sum = 0;
    for (const stem of new Set(stems)) sum += this.weight(stem);
    return sum;
  }

  /** Sections whose title shares at least one stem with the given ones. */
  sectionsSharing(stems: string[]): number[] {
    return union(stems.map((stem) => this.sectionsByStem.get(stem) ?? []));
  }

  /** Blocks that contain every one of the given stems. */
  blocksContainingAll(stems: string[]): number[] {
    if (stems.length === 0) return [];

    const lists = stems.map((stem) => this.blocksByStem.get(stem) ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    const sets = others.map((list) => new Set(list));
    return shortest.filter((index) => sets.every((set) => set.has(index)));
  }

  /** Whether a body block contains a stem. */
  blockHasStem(block: number, stem: string): boolean {
    let bits = this.blockBits.get(stem);
    if (bits === undefined) {
      bits = new Uint32Array((this.blockTerms.length >> 5) + 1);
      for (const index of this.blocksByStem.get(stem) ?? [])
        bits[index >> 5] |= 1 << (index & 31);
      this.blockBits.set(stem, bits);
    }
    return (bits[block >> 5] & (1 << (block & 31))) !== 0;
  }

  /** How many body blocks contain a stem. */
  blockFrequency(stem: string): number {
    return this.blocksByStem.get(stem)?.length ?? 0;
  }

  block(index: number): Block {
    return this.outline.blocks[index];
  }

  blockStems(index: number): string[] {
    return this.blockTerms[index];
  }

  /**
   * The words of the document's title, when one top heading holds the
   * whole plan ("# Payments v3 — Technical Plan"). They name what every
   * section is about, so an item that repeats them ("Idempotent payment
   * API") is told apart by its other words: they count as generic words.
   */
  private documentSubject(): Set<string> {
    const [first, ...rest] = this.sections;
    const holdsAll =
      first !== undefined &&
      rest.every((terms) => terms.section.depth > first.section.depth);
    return new Set(holdsAll ? first.canonical : []);
  }

  private termsOf(section: Section): SectionTerms {
    const decorated = parseDecoratedTitle(section.title);
    const asked = askedTopic(decorated.title);
    const plain = titleTokens(asked);
    const topic = headingTopic(asked);

    const canonical = this.vocabulary.canonicalize(plain);

    return {
      section,
      title: decorated.title,
      id: decorated.id,
      plain,
      plainKey: plain.join(' '),
      canonical,
      distinctCanonical: [...new Set(canonical)],
      variants: titleVariants(asked).map((text) =>
        this.vocabulary.canonicalize(titleTokens(text)),
      ),
      topic:
        topic === null
          ? null
          : this.vocabulary.canonicalize(titleTokens(topic)),
      parent: [],
      lead: [],
      variantKeys: new Set(),
      variantSets: [],
      parentSet: new Set(),
      leadSet: new Set(),
    };
  }

  private indexIdsAndChildren(): void {
    for (const terms of this.sections) {
      terms.variantKeys = new Set(terms.variants.map(stemKey));
      terms.variantSets = terms.variants.map((stems) => new Set(stems));
      terms.parentSet = new Set(terms.parent);
      terms.leadSet = new Set(terms.lead);

      if (terms.id !== null)
        addPostings(
          this.sectionsById,
          [terms.id.toLowerCase()],
          terms.section.index,
        );
      const parent = terms.section.parent;
      if (parent !== null)
        this.children.set(parent, [
          ...(this.children.get(parent) ?? []),
          terms.section.index,
        ]);
    }
  }

  /** Give every section its parent's title and its own opening words. */
  private addContext(): void {
    for (const terms of this.sections) {
      const parent = terms.section.parent;
      if (parent !== null) terms.parent = this.sections[parent].canonical;
    }

    this.outline.blocks.forEach((block, index) => {
      if (block.section === null || REFERENCE_KINDS.has(block.kind)) return;
      const lead = this.sections[block.section].lead;
      if (lead.length < LEAD_STEMS)
        lead.push(
          ...this.leadTerms(block, index).slice(0, LEAD_STEMS - lead.length),
        );
    });
  }

  /**
   * What a block adds to its section's lead: its words, less the sentences
   * that put something off ("pagination is planned but not designed yet"),
   * which name a topic the section does not cover.
   */
  private leadTerms(block: Block, index: number): string[] {
    if (!defers(block.text)) return this.blockTerms[index];

    return sentences(block.text)
      .filter((sentence) => !defers(sentence))
      .flatMap((sentence) => this.vocabulary.canonicalTokens(sentence));
  }
}

function addPostings(
  index: Map<string, number[]>,
  stems: string[],
  position: number,
): void {
  for (const stem of new Set(stems)) {
    const postings = index.get(stem);
    if (postings) postings.push(position);
    else index.set(stem, [position]);
  }
}

function union(lists: number[][]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const entry of list) all.add(entry);
  return [...all].sort((a, b) => a - b);
}
