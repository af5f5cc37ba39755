/**
 * Abbreviations a plan and its gap list make for themselves: "Point-in-Time
 * Recovery (PITR)" defines PITR, and a heading "RDS snapshots + PITR" then
 * names point-in-time recovery; "SSR" in one document and "Server-side
 * rendering" in the other are the same thing. Each pair becomes a synonym
 * group for the one audit, next to the shipped ones.
 */

/** An abbreviation: two to six letters, at least two of them capitals. */
const ACRONYM = /\b(?=(?:[a-z0-9]*[A-Z]){2})[A-Za-z][A-Za-z0-9]{1,5}\b/g;

/** "(ABBR)" after the words it stands for: the usual way to define one. */
const DEFINED = /\(([A-Za-z][A-Za-z0-9]{1,5})\)/g;

/** How far back from "(ABBR)" its words may start. */
const DEFINITION_REACH = 80;

/** Shortest abbreviation read from initials alone: two letters say too little. */
const MIN_INITIALS = 3;

/**
 * Synonym groups `[phrase, abbreviation]` found in the documents' texts
 * (definitions in parentheses) and titles (an abbreviation in one title
 * spelling the initials of words in another).
 */
export function acronymGroups(texts: string[], titles: string[]): string[][] {
  const groups = new Map<string, string[]>();
  const add = (phrase: string, acronym: string) => {
    const key = `${phrase.toLowerCase()}|${acronym.toLowerCase()}`;
    if (!groups.has(key)) groups.set(key, [phrase, acronym]);
  };

  for (const text of texts)
    for (const [phrase, acronym] of definitions(text)) add(phrase, acronym);
  for (const [phrase, acronym] of initialsInTitles(titles))
    add(phrase, acronym);

  return [...groups.values()];
}

/** Each "Words of the phrase (ABBR)" whose last words spell ABBR. */
function definitions(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];

  for (const match of text.matchAll(DEFINED)) {
    const acronym = match[1];
    if (!isAcronym(acronym)) continue;

    const before = text.slice(
      Math.max(0, match.index - DEFINITION_REACH),
      match.index,
    );
    const words = before.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    const phrase = spelledBy(words.slice(-acronym.length), acronym);
    if (phrase) found.push([phrase, acronym]);
  }
  return found;
}

/** Abbreviations of one title spelled by consecutive words of any title. */
function initialsInTitles(titles: string[]): Array<[string, string]> {
  const acronyms = new Set(
    titles.flatMap((title) =>
      [...title.matchAll(ACRONYM)]
        .map((match) => match[0])
        .filter((word) => isAcronym(word) && word.length >= MIN_INITIALS),
    ),
  );
  if (acronyms.size === 0) return [];

  const found: Array<[string, string]> = [];
  for (const title of titles) {
    const words = title.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    for (const acronym of acronyms) {
      for (let start = 0; start + acronym.length <= words.length; start++) {
        const phrase = spelledBy(
          words.slice(start, start + acronym.length),
          acronym,
        );
        if (phrase) found.push([phrase, acronym]);
      }
    }
  }
  return found;
}

/** The words joined when their initials spell the abbreviation, else null. */
function spelledBy(words: string[], acronym: string): string | null {
  if (words.length !== acronym.length || words.length < 2) return null;

  const initials = words.map((word) => word[0]).join('');
  if (initials.toLowerCase() !== acronym.toLowerCase()) return null;

  // The phrase is the long form, not the abbreviation written twice.
  if (words.some((word) => word === acronym)) return null;
  return words.join(' ');
}

/** Mostly capitals: "PITR", "RoPA", "OIDC"; not "Go" or "iOS". */
function isAcronym(word: string): boolean {
  const capitals = (word.match(/[A-Z]/g) ?? []).length;
  return capitals >= 2 && capitals * 2 >= word.length && /^[A-Z]/.test(word);
}
