import { stemmer } from 'stemmer';

/**
 * Words that carry no meaning for matching a title. Verbs of intent are
 * here too: "Add rate limiting" and "Rate limiting" ask for the same thing.
 */
const STOP_WORDS = new Set(
  `a an and are as at be by for from in into is it its of on or our the
  their this that to we with via vs using use add adding implement
  implementing implementation setup set up create creating missing need
  needs needed proper basic simple`.split(/\s+/),
);

/** Prefixes that turn a word into its opposite and must stay attached. */
const NEGATING_PREFIX = /\b(non|anti)-(?=\w)/g;

/**
 * Lower-case words of a title, with punctuation gone and the symbols that
 * stand for words spelled out (`&` and `+` are "and", W&B stays one word).
 */
export function words(text: string): string[] {
  const spelled = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(NEGATING_PREFIX, '$1')
    .replace(/(\w)&(\w)/g, '$1$2')
    .replace(/[&+]/g, ' and ')
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

  return spelled === '' ? [] : spelled.split(' ');
}

/** A word reduced to its stem, so that plural and singular meet. */
export function stem(word: string): string {
  return /^\d+$/.test(word) ? word : stemmer(word);
}

/** Stems of the meaningful words of a title, in order, repeats kept. */
export function tokens(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/** A canonical form for comparing whole titles. */
export function normalizeTitle(text: string): string {
  return tokens(text).join(' ');
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
