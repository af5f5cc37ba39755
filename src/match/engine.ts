import { askingText } from '../gaps/ask.js';
import type { Evidence, GapItem } from '../model.js';
import type { Rule } from '../rules/load.js';
import { WORD_WEIGHTS_KIND } from '../rules/word-weights.js';
import { titleTokens } from '../text/tokens.js';
import {
  askedTopic,
  isQuestion,
  participleHead,
  titleCore,
  titleParts,
  topicParts,
  titleVariants,
} from '../text/variants.js';
import { type ItemTerms, keepExplainable, type Matcher } from './kind.js';
import { MATCHER_KINDS } from './kinds/index.js';
import type { PlanIndex } from './plan-index.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The configured matchers and the vocabulary they share. Rules are data;
 * this turns the enabled ones into functions once per run.
 */
export class MatchEngine {
  readonly matchers: Matcher[];
  readonly vocabulary: Vocabulary;

  /**
   * @param foundGroups synonym groups the documents define for themselves
   *   (abbreviations, see acronymGroups), used only while the alias rule is on
   */
  constructor(rules: Rule[], foundGroups: string[][] = []) {
    const enabled = rules.filter((rule) => rule.enabled);
    const aliasRules = enabled.filter((rule) => rule.kind === 'alias');
    const synonymGroups = [
      ...aliasRules.flatMap((rule) => rule.options.synonyms as string[][]),
      ...(aliasRules.length > 0 ? foundGroups : []),
    ];

    const weights = enabled.filter((rule) => rule.kind === WORD_WEIGHTS_KIND);
    this.vocabulary = new Vocabulary(
      synonymGroups,
      {
        words: weights.flatMap((rule) => rule.options.genericWords as string[]),
        weight: Math.min(
          1,
          ...weights.map((rule) => rule.options.genericWeight as number),
        ),
      },
      weights.flatMap((rule) => rule.options.partHeadings as string[]),
    );
    this.matchers = enabled.flatMap((rule) => {
      const kind = MATCHER_KINDS.get(rule.kind);
      return kind ? [kind.create(rule.id, rule.options)] : [];
    });
  }

  /** Prepare an item's title for every matcher. */
  termsOf(item: GapItem): ItemTerms {
    const title = askedTopic(item.title);
    const plain = titleTokens(title);
    const core = titleCore(title);
    return {
      item,
      plain,
      canonical: this.vocabulary.canonicalize(plain),
      ask: this.vocabulary.canonicalTokens(askingText(item.body, item.title)),
      variants: this.readings(titleVariants(title)),
      core:
        core === null ? null : this.vocabulary.canonicalize(titleTokens(core)),
      subjects: this.readings(variantsOf(participleHead(title))),
      parts: newInEachClause(this.readings(topicParts(title)), title),
      mentionParts: newInEachClause(this.readings(titleParts(title)), title),
    };
  }

  /** Canonical stems of each text that has any; none for null. */
  private readings(texts: string[] | null): string[][] {
    return (texts ?? [])
      .map((text) => this.vocabulary.canonicalize(titleTokens(text)))
      .filter((stems) => stems.length > 0);
  }

  /** Every rule's evidence for one item, from its terms (see termsOf). */
  evidenceFor(terms: ItemTerms, plan: PlanIndex): Evidence[] {
    return this.matchers.flatMap((matcher) =>
      // Body mentions are counted by --explain: all of them stay.
      keepExplainable(matcher.findEvidence(terms, plan), (entry) =>
        entry.section === null ? null : entry,
      ),
    );
  }
}

/** The readings of a text (see titleVariants); none for null. */
function variantsOf(text: string | null): string[] | null {
  return text === null ? null : titleVariants(text);
}

/**
 * In a question, a later clause that names again what an earlier one
 * named asks only for what it adds: "What does it depend on, and what
 * happens when each dependency fails?" asks, second, about failure. The
 * repeated word is the clause's given subject, the others are its
 * question. A clause that adds nothing keeps its words.
 */
function newInEachClause(parts: string[][], title: string): string[][] {
  if (!isQuestion(title)) return parts;

  return parts.map((part, position) => {
    const given = new Set(parts.slice(0, position).flat());
    const added = part.filter((stem) => !given.has(stem));
    return added.length > 0 ? added : part;
  });
}
