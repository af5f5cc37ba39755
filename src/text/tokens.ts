import { stemmer } from 'stemmer';

/**
 * Function words, question words and words of status ("new", "current",
 * "proposed"): they carry no meaning for matching a title ("How is data
 * encrypted at rest?" is about encryption at rest, "Proposed Design" about
 * the design).
 */
const STOP_WORDS = new Set(
  `a an and are as at be been being by can could did do does for from has have
  how i if in into is it its more of on or our should so than that the their
  them then there these they this those to too us via vs was we were what when
  where which while who whom whose why will with would you your each every all
  any both either no not only own same such per e g eg ie etc also just still
  already out instead nothing new existing current currently proposed one
  two three four five many much some other others way ways kind using about
  including incl especially like see sees seen get gets got go goes want
  wants against across after before between during within through toward
  towards among upon onto under over happen happens happened show shows showed shown`.split(
    /\s+/,
  ),
);

/**
 * Verbs of intent that open a request without naming its subject: "Add
 * rate limiting" asks for "rate limiting". Only dropped at the start.
 */
const INTENT_VERBS = new Set(
  `add adding implement implementing introduce define set setup configure
  create write provide document describe enable move package make ensure
  build establish plan specify explain list`.split(/\s+/),
);

/**
 * A hyphenated compound that ends in a particle which is also a stop word
 * ("opt-in", "sign-out", "fail-over", "walk-through") is one word: split,
 * the particle would be dropped and "opt-in" read as "opt-out". Written
 * closed, it meets the closed spelling ("plug-in" and "plugin"). A
 * particle inside a compound ("point-in-time") is left alone.
 */
const PARTICLE_COMPOUND = /\b(\p{L}+)-(in|out|on|over|through)\b(?!-)/gu;

/** Prefixes that turn a word into its opposite and must stay attached. */
const NEGATING_PREFIX = /\b(non|anti)-(?=\w)/g;

/**
 * "Out of scope" says the opposite of "scope", as "non-goals" of "goals",
 * but its negation is two stop words: the phrase becomes one word, so that
 * "Out of scope" is never a section about the scope. "Not in this
 * proposal" (or RFC, design, release) says the same of the document: it
 * is no section about the proposal.
 */
const NEGATED_SCOPE = new RegExp(
  String.raw`\b(?:(?:out[\s-]+of[\s-]+|not\s+in\s+|outside\s+(?:the\s+)?)scope` +
    String.raw`|not\s+(?:in|part\s+of)\s+this\s+(?:proposal|rfc|design|release|version))\b`,
  'g',
);

/**
 * Compounds that open with a particle which is also a stop word: "on
 * call" and "on-call" are one word, not "call" ("API calls" is no on-call
 * rota), as are "on prem" and "on-premises".
 */
const ON_CALL = /\bon[\s-]+call\b/g;
const ON_PREMISES = /\bon[\s-]+prem(?:ise|ises)?\b/g;

/**
 * Lower-case words of a title, with punctuation gone and the symbols that
 * stand for words spelled out (`&` and `+` are "and", W&B stays one word).
 */
export function words(text: string): string[] {
  const spelled = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(NEGATING_PREFIX, '$1')
    .replace(PARTICLE_COMPOUND, '$1$2')
    .replace(ON_CALL, 'oncall')
    .replace(ON_PREMISES, 'onprem')
    .replace(NEGATED_SCOPE, 'outofscope')
    .replace(/(\w)&(\w)/g, '$1$2')
    .replace(/[&+]/g, ' and ')
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

  return spelled === '' ? [] : spelled.split(' ');
}

/** Longest stem kept: Porter leaves "classifi" and "classif" apart. */
const STEM_LENGTH = 7;

/**
 * A word reduced to its stem, so that plural and singular meet, and cut to
 * a few letters, so that the forms Porter's stemmer leaves apart
 * ("classified", "classification") meet too.
 */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : shortStem(word);
    if (stems.size < STEM_CACHE_LIMIT) stems.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Porter keeps the "y → i" of "verifying" ("verifi") but drops it from
 * "verification" ("verif"); a trailing "i" on a long stem is cut so the
 * two meet. Short stems keep it ("api", "multi").
 */
function shortStem(word: string): string {
  const porter = stemmer(americanSpelling(word));
  const meeting =
    porter.length >= 6 && porter.endsWith('i') ? porter.slice(0, -1) : porter;
  return (VERB_OF_NOUN.get(meeting) ?? meeting).slice(0, STEM_LENGTH);
}

/**
 * Nouns whose stem Porter leaves apart from their verb's, by the verb
 * they name: "decision" and "decide", "recovery" and "recover". Only
 * pairs of one meaning are listed: "application" (software) and
 * "reception" (a front desk) are not.
 */
const VERB_OF_NOUN = new Map(
  Object.entries({
    decis: 'decid',
    inclus: 'includ',
    exclus: 'exclud',
    conclus: 'conclud',
    permiss: 'permit',
    submiss: 'submit',
    admiss: 'admit',
    descript: 'describ',
    assumpt: 'assum',
    consumpt: 'consum',
    reduct: 'reduc',
    explan: 'explain',
    recover: 'recov',
    deliver: 'deliv',
    discover: 'discov',
  }),
);

/**
 * Short British spellings that no suffix rule can tell from other words:
 * "colour", "centre", "licence", "catalogue", "programme", "artefact".
 * The stems are listed, so "hour", "four" and "rogue" stay as they are.
 */
const BRITISH_WORDS: Array<[RegExp, string]> = [
  [/^(col|fav|hon|lab|flav|hum|rum|neighb|arm|endeav|vap|od|rig)our/, '$1or'],
  [/^(cent|fib|theat|calib|spect)re(s|d)?$/, '$1er$2'],
  [/^(defen|licen|offen|preten)ce(s?)$/, '$1se$2'],
  [/^(catal|dial|anal)ogue(s?)$/, '$1og$2'],
  [/^programme(s?)$/, 'program$1'],
  [/^artefact(s?)$/, 'artifact$1'],
  [/^judgement(s?)$/, 'judgment$1'],
  [/^grey$/, 'gray'],
];

/**
 * British and American spellings meet: "centralised" and "centralized",
 * "analyse" and "analyze", "behaviour" and "behavior", "colour" and
 * "color". The suffix rules change only long words, so "rise" stays.
 */
function americanSpelling(word: string): string {
  for (const [british, american] of BRITISH_WORDS)
    if (british.test(word)) return word.replace(british, american);
  if (word.length < 7) return word;
  return word
    .replace(/is(ation|ations|e|ed|es|ing|er|ers)$/, 'iz$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/iour(s?)$/, 'ior$1');
}

// A plan's vocabulary is small next to its word count: each word is
// stemmed once. The limit only guards against unbounded input.
const STEM_CACHE_LIMIT = 200_000;
const stems = new Map<string, string>();

/** Stems of the meaningful words of a text, in order, repeats kept. */
export function tokens(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/**
 * Nouns of connection that end a title naming what is connected: "Truck
 * Appointment System Integration" is about the appointment system, as its
 * section "TAS slot check" is. Only dropped at the end: in "Integration
 * tests" the word says which tests.
 */
const CONNECTION_NOUNS = new Set(
  'integration integrations interface interfaces'.split(' '),
);

/**
 * Stems of a title that may open with a verb of intent and end with a
 * noun of connection: "Set up CI" and "CI" ask for the same section, and
 * so do "SSO integration" and "SSO".
 */
export function titleTokens(text: string): string[] {
  const all = words(text).filter((word) => !STOP_WORDS.has(word));
  let start = 0;
  while (start < all.length - 1 && INTENT_VERBS.has(all[start])) start++;
  if (all[start] === 'up' && start > 0) start++;

  let end = all.length;
  if (end - start > 1 && CONNECTION_NOUNS.has(all[end - 1])) end--;

  return all.slice(start, end).map(stem);
}

/** A canonical form for comparing whole titles. */
export function normalizeTitle(text: string): string {
  return titleTokens(text).join(' ');
}
