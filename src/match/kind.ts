import { type Evidence, EXPLAINED_CANDIDATES, type GapItem } from '../model.js';
import type { OptionSpecs } from '../rules/options.js';
import type { PlanIndex } from './plan-index.js';

/** An item prepared for matching. */
export interface ItemTerms {
  item: GapItem;
  /** Stems of the title without synonyms applied. */
  plain: string[];
  /** Stems of the title with synonyms replaced by their canonical forms. */
  canonical: string[];
  /** Canonical stems of the lines of the item's body that say what is asked. */
  ask: string[];
  /** Canonical stems of each reading of the title (see titleVariants). */
  variants: string[][];
  /** Canonical stems of the head of a sentence-like title (see titleCore). */
  core: string[] | null;
  /**
   * Canonical stems of each reading of the subject of a request that says
   * what is to be done with it (see participleHead); none when it has no
   * such subject.
   */
  subjects: string[][];
  /** Canonical stems of each topic of a coordinated title (see topicParts). */
  parts: string[][];
  /** Canonical stems of each part of a coordinated title (see titleParts). */
  mentionParts: string[][];
}

/** A configured rule, ready to look for evidence. Rules never print. */
export interface Matcher {
  rule: string;
  findEvidence(item: ItemTerms, plan: PlanIndex): Evidence[];
}

/**
 * A matcher implementation. A rule file names one with `kind:` and
 * configures it with `options:`, which are checked against `options` here.
 */
export interface MatcherKind {
  kind: string;
  summary: string;
  options: OptionSpecs;
  create(rule: string, options: Record<string, unknown>): Matcher;
}

/** Evidence about a section, filled in with the usual blanks. */
export function sectionEvidence(
  rule: string,
  section: number,
  fields: Pick<Evidence, 'confidence' | 'accepted' | 'reason'> &
    Partial<Evidence>,
): Evidence {
  return {
    rule,
    section,
    block: null,
    sharedTokens: [],
    basis: 'title',
    ...fields,
  };
}

/**
 * Entries without the rejected ones `--explain` can never show: every
 * accepted entry stays, and of the rejected ones the most confident few
 * (the first on a tie, as `--explain` sorts them). The order is kept.
 * `judged` gives an entry's verdict, or null for an entry always kept.
 */
export function keepExplainable<T>(
  entries: T[],
  judged: (entry: T) => { accepted: boolean; confidence: number } | null,
): T[] {
  const rejected = entries.filter((entry) => judged(entry)?.accepted === false);
  if (rejected.length <= EXPLAINED_CANDIDATES) return entries;

  const confidence = (entry: T) =>
    (judged(entry) as { confidence: number }).confidence;
  const shown = new Set(
    rejected
      .sort((a, b) => confidence(b) - confidence(a))
      .slice(0, EXPLAINED_CANDIDATES),
  );
  return entries.filter(
    (entry) => judged(entry)?.accepted !== false || shown.has(entry),
  );
}

/** The `confidence` option most matcher kinds take. */
export function confidenceOption(value: number): OptionSpecs[string] {
  return {
    type: 'number',
    default: value,
    min: 0,
    max: 1,
    doc: 'confidence of a match',
  };
}
