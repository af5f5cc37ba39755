/**
 * Abbreviations a plan and its gap list make for themselves: "Point-in-Time
 * Recovery (PITR)" defines PITR, and a heading "RDS snapshots + PITR" then
 * names point-in-time recovery; "SSR" in one document and "Server-side
 * rendering" in the other are the same thing, and so are "semver" and
 * "Semantic versioning". Each pair becomes a synonym group for the one
 * audit, next to the shipped ones.
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
  for (const [phrase, clipped] of clippedInTitles(titles)) add(phrase, clipped);

  return [...groups.values()];
}

/** Shortest piece of a clipped compound: "sem" of "semantic". */
const MIN_CLIPPED_PIECE = 3;

/** A word that may be a clipped compound: letters only, six or more. */
const CLIPPED_CANDIDATE = /^[a-z]{6,14}$/i;

/**
 * Clipped compounds of one title spelled by two consecutive words of
 * another: "semver" is the beginnings of "Semantic versioning", "infosec"
 * of "information security". Both pieces must be cut short, at least
 * three letters each, so that "payload" is not read as "payment load".
 * Two consecutive words are looked up by the first letters of both, so a
 * plan with many headings costs one pass over their words.
 */
function clippedInTitles(titles: string[]): Array<[string, string]> {
  const titleWords = titles.map((title) =>
    title.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''),
  );
  // Each distinct pair once: a large plan repeats "Service level" often.
  const pairsByOpening = new Map<string, Map<string, [string, string]>>();
  for (const words of titleWords) {
    for (let index = 0; index + 1 < words.length; index++) {
      const pair: [string, string] = [words[index], words[index + 1]];
      const key = pairKey(pair[0], pair[1]);
      if (key === null) continue;
      const known = pairsByOpening.get(key) ?? new Map();
      known.set(pair.join(' '), pair);
      pairsByOpening.set(key, known);
    }
  }

  const found: Array<[string, string]> = [];
  const candidates = new Set(
    titleWords.flat().filter((word) => CLIPPED_CANDIDATE.test(word)),
  );
  for (const word of candidates) {
    const lower = word.toLowerCase();
    for (
      let cut = MIN_CLIPPED_PIECE;
      cut + MIN_CLIPPED_PIECE <= lower.length;
      cut++
    ) {
      const [first, second] = [lower.slice(0, cut), lower.slice(cut)];
      const key = pairKey(first, second);
      const pairs = key === null ? undefined : pairsByOpening.get(key);
      for (const pair of pairs?.values() ?? []) {
        if (clips(pair[0], first) && clips(pair[1], second))
          found.push([pair.join(' '), word]);
      }
    }
  }
  return found;
}

/** The first letters of two words, or null when either is too short. */
function pairKey(first: string, second: string): string | null {
  if (first.length < MIN_CLIPPED_PIECE || second.length < MIN_CLIPPED_PIECE)
    return null;
  return (
    first.slice(0, MIN_CLIPPED_PIECE) +
    '|' +
    second.slice(0, MIN_CLIPPED_PIECE)
  ).toLowerCase();
}

/** True when `piece` is the beginning of `word`, cut short. */
function clips(word: string, piece: string): boolean {
  const lower = word.toLowerCase();
  return lower.length > piece.length && lower.startsWith(piece);
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
    const phrase = spelledBy(words.slice(-initialsOf(acronym).length), acronym);
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
        .filter(
          (word) => isAcronym(word) && initialsOf(word).length >= MIN_INITIALS,
        ),
    ),
  );
  if (acronyms.size === 0) return [];

  const found: Array<[string, string]> = [];
  for (const title of titles) {
    const words = title.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    for (const acronym of acronyms) {
      const length = initialsOf(acronym).length;
      for (let start = 0; start + length <= words.length; start++) {
        const phrase = spelledBy(words.slice(start, start + length), acronym);
        if (phrase) found.push([phrase, acronym]);
      }
    }
  }
  return found;
}

/** The words joined when their initials spell the abbreviation, else null. */
function spelledBy(words: string[], acronym: string): string | null {
  const letters = initialsOf(acronym);
  if (words.length !== letters.length || words.length < 2) return null;

  const initials = words.map((word) => word[0]).join('');
  if (initials.toLowerCase() !== letters.toLowerCase()) return null;

  // The phrase is the long form, not the abbreviation written twice.
  if (words.some((word) => word === acronym)) return null;
  return words.join(' ');
}

/**
 * The letters that stand for words: a plural "s" after the capitals
 * stands for none ("Service Level Objectives (SLOs)", "DPAs").
 */
function initialsOf(acronym: string): string {
  return /[A-Z]s$/.test(acronym) ? acronym.slice(0, -1) : acronym;
}

/** Mostly capitals: "PITR", "RoPA", "OIDC"; not "Go" or "iOS". */
function isAcronym(word: string): boolean {
  const capitals = (word.match(/[A-Z]/g) ?? []).length;
  return capitals >= 2 && capitals * 2 >= word.length && /^[A-Z]/.test(word);
}
