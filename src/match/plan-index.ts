import type { Block, PlanOutline, Section } from '../model.js';
import { addUnder } from '../multimap.js';
import { REFERENCE_KINDS } from '../model.js';
import { isWithin } from '../plan/sections.js';
import { parseDecoratedTitle } from '../text/decorations.js';
import { defers, sentences, statesRemoval } from '../text/deferral.js';
import { titleTokens } from '../text/tokens.js';
import {
  answeredTopic,
  askedTopic,
  headingTopic,
  statedRetention,
  titleVariants,
} from '../text/variants.js';
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

/**
 * Stems in at least this many blocks and titles keep their bits from
 * {@link PlanIndex.sectionsHolding}; rarer stems, a plan's many names, are
 * quick to redo and would fill the memory on a large plan.
 */
const HOLDING_BITS_KEPT_FROM = 64;

/** Whether bit `index` of a bit set is set. */
export function bitIsSet(bits: Uint32Array, index: number): boolean {
  return (bits[index >> 5] & (1 << (index & 31))) !== 0;
}

/** A bit set with room for `count` bits, all clear. */
function emptyBits(count: number): Uint32Array {
  return new Uint32Array((count >> 5) + 1);
}

function setBit(bits: Uint32Array, index: number): void {
  bits[index >> 5] |= 1 << (index & 31);
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
  /** See {@link sectionsAnchoredBy}; made when first asked for. */
  private sectionsByAnchor: Map<string, number[]> | null = null;
  private readonly blocksByStem = new Map<string, number[]>();
  /**
   * `blocksByStem` as bit sets, made when first asked for: asked millions
   * of times on a large plan, where a Set of block numbers is much slower.
   */
  private readonly blockBits = new Map<string, Uint32Array>();
  /** See {@link sectionsHolding}: by stem, a bit per section. */
  private readonly holdingBits = new Map<string, Uint32Array>();
  /** Sections by the stems of their title as written; made when first asked for. */
  private sectionsByPlainStem: Map<string, number[]> | null = null;
  private readonly documentFrequency = new Map<string, number>();
  private readonly weights = new Map<string, number>();
  private readonly sectionsById = new Map<string, number[]>();
  private readonly children = new Map<number, number[]>();
  /**
   * Per section, the first and last block of it and its subsections: the
   * bounds within which its blocks are looked up in the postings.
   */
  private readonly subtreeBlocks: ({ first: number; last: number } | null)[];
  private readonly subject: Set<string>;
  private ownBlockCounts: number[] | null = null;

  constructor(outline: PlanOutline, vocabulary: Vocabulary) {
    this.outline = outline;
    this.vocabulary = vocabulary;
    this.blockTerms = outline.blocks.map((block) =>
      vocabulary.canonicalTokens(statedRetention(block.text)),
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
    this.subtreeBlocks = this.boundSubtreeBlocks();
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

  /**
   * Whether a stem is a word of the document's title (see
   * documentSubject): every section is about it, so sharing it says
   * nothing of a heading.
   */
  namesTheDocument(stem: string): boolean {
    return this.subject.has(stem);
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

  /**
   * Sections one of whose title readings has all its meaningful words
   * among the given stems, and more: the sections whose reading's rarest
   * meaningful word is among them. Each section is filed under its
   * readings' rarest words only, so this looks at a few sections where
   * {@link sectionsSharing} would look at every title with a common word.
   */
  sectionsAnchoredBy(stems: string[]): number[] {
    this.sectionsByAnchor ??= this.indexAnchors();
    const anchors = this.sectionsByAnchor;
    return union(stems.map((stem) => anchors.get(stem) ?? []));
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

  /**
   * Blocks of a section or its subsections that contain at least one of
   * the stems, in document order. Looks only between the section's first
   * and last block in each stem's postings: an item compared with many
   * sections must not walk the whole plan's postings for each of them.
   */
  blocksWithinContainingAny(section: number, stems: string[]): number[] {
    const bounds = this.subtreeBlocks[section];
    if (bounds === null) return [];

    const sections = this.outline.sections;
    const found = new Set<number>();
    for (const stem of stems) {
      const postings = this.blocksByStem.get(stem) ?? [];
      for (
        let at = firstAtLeast(postings, bounds.first);
        at < postings.length && postings[at] <= bounds.last;
        at++
      ) {
        const owner = this.outline.blocks[postings[at]].section;
        if (owner !== null && isWithin(sections, owner, section))
          found.add(postings[at]);
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /**
   * A bit per section (see {@link bitIsSet}), set where the section's
   * title holds the stem (in any reading, or as written) or a block of it
   * or of its subsections does. Asked for once per item and stem, then
   * tested against thousands of sections on a large plan: a bit is much
   * cheaper to test than the section's sets. Kept for common stems.
   */
  sectionsHolding(stem: string): Uint32Array {
    const cached = this.holdingBits.get(stem);
    if (cached !== undefined) return cached;

    const blocks = this.blocksByStem.get(stem) ?? [];
    const titles = [
      ...this.sectionsWithStem(stem),
      ...this.sectionsWithPlainStem(stem),
    ];
    const bits = this.subtreeBitsOf(blocks);
    for (const section of titles) setBit(bits, section);

    if (blocks.length + titles.length >= HOLDING_BITS_KEPT_FROM)
      this.holdingBits.set(stem, bits);
    return bits;
  }

  /**
   * Sections whose title as written, before synonyms are replaced,
   * contains a stem: "k8s" where {@link sectionsWithStem} knows only
   * "kubernetes".
   */
  private sectionsWithPlainStem(stem: string): number[] {
    if (this.sectionsByPlainStem === null) {
      const index = new Map<string, number[]>();
      this.sections.forEach((terms, position) =>
        addPostings(index, terms.plain, position),
      );
      this.sectionsByPlainStem = index;
    }
    return this.sectionsByPlainStem.get(stem) ?? [];
  }

  /** Whether a body block contains a stem. */
  blockHasStem(block: number, stem: string): boolean {
    let bits = this.blockBits.get(stem);
    if (bits === undefined) {
      bits = emptyBits(this.blockTerms.length);
      for (const index of this.blocksByStem.get(stem) ?? [])
        setBit(bits, index);
      this.blockBits.set(stem, bits);
    }
    return bitIsSet(bits, block);
  }

  /** How many body blocks contain a stem. */
  blockFrequency(stem: string): number {
    return this.blocksByStem.get(stem)?.length ?? 0;
  }

  block(index: number): Block {
    return this.outline.blocks[index];
  }

  /** How many blocks stand in a section's own text, not its subsections'. */
  ownBlockCount(section: number): number {
    this.ownBlockCounts ??= countOwnBlocks(this.outline);
    return this.ownBlockCounts[section] ?? 0;
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
    const asked = answeredTopic(askedTopic(decorated.title));
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

  /**
   * Each section's block bounds, its subsections' included: children come
   * after their parent, so one pass from the end carries them up.
   */
  private boundSubtreeBlocks(): ({ first: number; last: number } | null)[] {
    const sections = this.outline.sections;
    const bounds: ({ first: number; last: number } | null)[] = sections.map(
      () => null,
    );
    this.outline.blocks.forEach((block, index) => {
      if (block.section !== null)
        bounds[block.section] = widen(bounds[block.section], index, index);
    });

    for (let index = sections.length - 1; index >= 0; index--) {
      const parent = sections[index].parent;
      const own = bounds[index];
      if (parent !== null && own !== null)
        bounds[parent] = widen(bounds[parent], own.first, own.last);
    }
    return bounds;
  }

  private indexAnchors(): Map<string, number[]> {
    const anchors = new Map<string, number[]>();
    this.sections.forEach((terms, index) => {
      const rarest = terms.variants
        .map((reading) => this.rarestMeaningful(reading))
        .filter((stem): stem is string => stem !== null);
      addPostings(anchors, rarest, index);
    });
    return anchors;
  }

  /** The meaningful stem fewest titles contain (the first on a tie). */
  private rarestMeaningful(stems: string[]): string | null {
    let best: string | null = null;
    let bestFrequency = Infinity;
    for (const stem of stems) {
      if (this.vocabulary.weightOf(stem) !== 1) continue;
      const frequency = this.documentFrequency.get(stem) ?? 0;
      if (frequency < bestFrequency) {
        best = stem;
        bestFrequency = frequency;
      }
    }
    return best;
  }

  /** A bit for every section that holds one of the blocks, itself or below. */
  private subtreeBitsOf(postings: number[]): Uint32Array {
    const sections = this.outline.sections;
    const bits = emptyBits(sections.length);

    for (const block of postings) {
      // A section's bit is set only with its ancestors': a climb that meets
      // a set bit can stop there.
      let section = this.outline.blocks[block].section;
      while (section !== null && !bitIsSet(bits, section)) {
        setBit(bits, section);
        section = sections[section].parent;
      }
    }
    return bits;
  }

  /** Give every section its parent's title and its own opening words. */
  private addContext(): void {
    for (const terms of this.sections) {
      const parent = terms.section.parent;
      if (parent !== null) terms.parent = this.sections[parent].canonical;
    }

    const parts = this.sections.map(
      (terms) =>
        terms.section.parent !== null &&
        this.vocabulary.namesAPart(terms.section.title),
    );
    this.outline.blocks.forEach((block, index) => {
      if (block.section === null || REFERENCE_KINDS.has(block.kind)) return;
      for (const section of leadsOf(block.section, parts, this.sections)) {
        const lead = this.sections[section].lead;
        if (lead.length < LEAD_STEMS)
          lead.push(
            ...this.leadTerms(block, index).slice(0, LEAD_STEMS - lead.length),
          );
      }
    });
  }

  /**
   * What a block adds to its section's lead: its words, less the sentences
   * that put something off ("pagination is planned but not designed yet")
   * or say it is going away ("the fax run-sheet was retired"), which name
   * a topic the section does not cover.
   */
  private leadTerms(block: Block, index: number): string[] {
    if (!putsAside(block.text)) return this.blockTerms[index];

    return sentences(block.text)
      .filter((sentence) => !putsAside(sentence))
      .flatMap((sentence) =>
        this.vocabulary.canonicalTokens(statedRetention(sentence)),
      );
  }
}

/** Whether a text puts a topic off or says it is going away. */
function putsAside(text: string): boolean {
  return defers(text) || statesRemoval(text);
}

/**
 * The sections whose lead a block of a section opens or continues: its
 * own, and its parent's when the section is a part of the parent's text
 * (see Vocabulary.namesAPart), and so on up.
 */
function leadsOf(
  section: number,
  parts: boolean[],
  sections: SectionTerms[],
): number[] {
  const leads = [section];
  let current = section;
  while (parts[current]) {
    current = sections[current].section.parent as number;
    leads.push(current);
  }
  return leads;
}

function addPostings(
  index: Map<string, number[]>,
  stems: string[],
  position: number,
): void {
  for (const stem of new Set(stems)) {
    addUnder(index, stem, position);
  }
}

function widen(
  bounds: { first: number; last: number } | null,
  first: number,
  last: number,
): { first: number; last: number } {
  if (bounds === null) return { first, last };
  return {
    first: Math.min(bounds.first, first),
    last: Math.max(bounds.last, last),
  };
}

/** The first position in an ascending list whose entry is at least `value`. */
function firstAtLeast(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The entries of ascending lists, in order, each once. */
function union(lists: number[][]): number[] {
  // One list is already in order: a common word's postings need no sort.
  if (lists.length === 1) return [...lists[0]];

  const all = new Set<number>();
  for (const list of lists) for (const entry of list) all.add(entry);
  return [...all].sort((a, b) => a - b);
}

function countOwnBlocks(outline: PlanOutline): number[] {
  const counts = outline.sections.map(() => 0);
  for (const block of outline.blocks)
    if (block.section !== null) counts[block.section]++;
  return counts;
}
