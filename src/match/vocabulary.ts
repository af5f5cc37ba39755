import { addUnder } from '../multimap.js';
import { normalizeTitle, tokens } from '../text/tokens.js';

interface Phrase {
  stems: string[];
  canonical: string;
}

/**
 * Synonyms and abbreviations as one canonical token each: "k8s" and
 * "Kubernetes" both become `kubernet`, "W&B" and "Weights & Biases" both
 * become `wb`. Phrases are replaced longest first.
 */
export class Vocabulary {
  private readonly phrases: Phrase[] = [];
  /** The phrases by their first stem, longest first. */
  private readonly phrasesByFirst = new Map<string, Phrase[]>();
  private readonly generic: Set<string>;
  readonly genericWeight: number;
  private readonly partHeadings: Set<string>;

  /**
   * @param groups synonym groups; the first entry names the group
   * @param generic words that say little about a topic ("strategy",
   *   "management") and count for `weight` of a normal word
   * @param partHeadings headings that name a part of the text above them
   */
  constructor(
    groups: readonly string[][],
    generic: { words: string[]; weight: number } = { words: [], weight: 1 },
    partHeadings: readonly string[] = [],
  ) {
    for (const group of groups) this.addGroup(group);
    this.phrases.sort((a, b) => b.stems.length - a.stems.length);
    for (const phrase of this.phrases)
      addUnder(this.phrasesByFirst, phrase.stems[0], phrase);
    this.generic = new Set(generic.words.flatMap((word) => tokens(word)));
    this.genericWeight = generic.weight;
    this.partHeadings = new Set(partHeadings.map(normalizeTitle));
  }

  /**
   * Whether a heading names a part of the text above it rather than a
   * topic: under "ADR-001: Take the schedule as SSIM files", "Context",
   * "Decision" and "Consequences" are the record's own text.
   */
  namesAPart(title: string): boolean {
    return this.partHeadings.has(normalizeTitle(title));
  }

  /**
   * How much a stem says about a topic, before rarity is considered. A
   * bare number counts as a generic word: it gives a quantity or a
   * version ("Localisation for the 8 launch languages"), and the words
   * beside it say what of.
   */
  weightOf(stem: string): number {
    return this.generic.has(stem) || isNumber(stem) ? this.genericWeight : 1;
  }

  /** Stems of a text with every known synonym replaced by its canonical form. */
  canonicalTokens(text: string): string[] {
    return this.canonicalize(tokens(text));
  }

  canonicalize(stems: string[]): string[] {
    if (this.phrases.length === 0) return stems;

    const result: string[] = [];
    let position = 0;
    while (position < stems.length) {
      const phrase = this.phraseAt(stems, position);
      if (phrase) {
        result.push(phrase.canonical);
        position += phrase.stems.length;
      } else {
        result.push(stems[position]);
        position++;
      }
    }
    return result;
  }

  // Every block of the plan goes through here: only the phrases that start
  // with the stem at hand are tried, not the whole list.
  private phraseAt(stems: string[], position: number): Phrase | undefined {
    return this.phrasesByFirst
      .get(stems[position])
      ?.find((phrase) =>
        phrase.stems.every((stem, offset) => stems[position + offset] === stem),
      );
  }

  private addGroup(group: readonly string[]): void {
    const canonical = tokens(group[0]).join('_');
    if (canonical === '') return;

    for (const variant of group) {
      const stems = tokens(variant);
      if (stems.length > 0) this.phrases.push({ stems, canonical });
    }
  }
}

function isNumber(stem: string): boolean {
  return /^\d+$/.test(stem);
}
