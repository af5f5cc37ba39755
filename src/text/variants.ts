import { stem, words } from './tokens.js';

/**
 * The ways a title can be read: as written, without its parenthetical,
 * the parenthetical alone, the head before an elaboration and the subject
 * before its role ("Design tokens as the single source of truth").
 * "Experiment tracking (W&B)" is found under "W&B" as well as under
 * "Experiment tracking"; "Why this design? (Alternatives considered)"
 * answers "Alternatives".
 */
export function titleVariants(title: string): string[] {
  const variants = [title];

  // "Refunds, including partial refunds": what follows the comma only
  // elaborates on the head.
  const elaboration =
    /^(.+?),\s+(?:including|incl\.?|such as|e\.g\.|especially|like|with)\s/i.exec(
      title,
    );
  if (elaboration) variants.push(elaboration[1]);

  // "Design tokens as the single source of truth": the "as" phrase gives
  // the role of the subject, which is what a section is about.
  const role = /^(.+?)\s+as\s+(?:the|a|an)\s/i.exec(title);
  if (role) variants.push(role[1]);

  const inner = [...title.matchAll(/\(([^()]+)\)/g)].map((match) =>
    match[1].trim(),
  );
  if (inner.length === 0) return [...new Set(variants)];

  const outer = title
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (outer !== '') variants.push(outer);
  for (const text of inner)
    if ((text.match(/\p{L}/gu) ?? []).length >= 2) variants.push(text);

  return [...new Set(variants)];
}

/** Verbs of keeping that a "How long …" title asks about. */
const KEPT = 'kept|stored|retained|held|archived';
const KEEP = 'keep|store|retain|hold|archive';

/** "How long is data kept", "How long we keep things": a retention. */
const HOW_LONG_KEPT = [
  new RegExp(
    `\\bhow long (?:is|are|will|should|must|can)\\s+(.+?)\\s+(?:be\\s+)?(?:${KEPT})\\b`,
    'gi',
  ),
  new RegExp(
    '\\bhow long (?:(?:do|does|will|should|must|can)\\s+)?' +
      `(?:we|you|they|it)\\s+(?:${KEEP})s?\\s+([^,;?]+)`,
    'gi',
  ),
];

/** "How often is each dataset refreshed?" asks for its refresh frequency. */
const HOW_OFTEN = /\bhow often\b/gi;

/**
 * A title that asks or says how long something is kept, in the word a
 * section or a gap list would use for it: "How long is data kept" and "How
 * long we keep things" are about the retention of data and of things.
 */
export function askedTopic(title: string): string {
  const retention = HOW_LONG_KEPT.reduce(
    (text, pattern) => text.replace(pattern, '$1 retention'),
    title,
  );
  return retention
    .replace(HOW_OFTEN, 'frequency')
    .replace(WHY_NOT, 'alternatives considered:')
    .replace(WHO_DOES, (_, verb: string) => agentNoun(verb));
}

/**
 * "Who calls it?" asks for its callers, "who owns it" for its owners: the
 * section names the people or systems that do it, not the doing. Only
 * a verb with no object but a pronoun is read so: "who owes whom" asks
 * about a relation, and verbs that ask nothing of their own ("who is on
 * call", "who gets paged") stay.
 */
const WHO_DOES = new RegExp(
  '\\bwho\\s+(?!(?:is|has|does|was|goes|gets|sees|needs|wants|says|knows)\\b)' +
    '(\\p{L}{2,})s(?=\\s+(?:it|them|this|that)\\b|\\s*(?:[?.,;)]|$))',
  'giu',
);

/** "call" → "callers", "use" → "users". */
function agentNoun(verb: string): string {
  return verb.endsWith('e') ? `${verb}rs` : `${verb}ers`;
}

/**
 * "Why not Kafka?" weighs an alternative and says why it lost: it is read
 * as "alternatives considered: Kafka", a section about the alternatives
 * considered (as the plural says, not one instance of them that
 * "Alternative A: …" names: the section argues the choice).
 */
const WHY_NOT = /\bwhy not\b/gi;

/**
 * "Why auto-borrow", "Why now": not "Why not Kafka", which weighs an
 * alternative, nor "Why this design?", which argues a choice.
 */
const WHY_HEADING =
  /^\s*why\s+(?!not\b)(?!(?:this|the|our)\s+(?:design|approach|choice|option|solution)\b)/i;

/**
 * What a heading gives, as a template would name it: a heading that asks
 * why something is wanted ("Why auto-borrow") gives its motivation, the
 * section a template's "Motivation" asks for. Only headings are read so:
 * a gap item that asks why wants the answer, not a section of that name.
 */
export function answeredTopic(heading: string): string {
  return heading.replace(WHY_HEADING, 'motivation: ');
}

/** A span of time a text may give in figures or in words. */
const DURATION =
  '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|ninety)' +
  '\\s+(?:days?|weeks?|months?|years?)';

/**
 * "Logs are kept for 14 days", "retained for 30 days", "kept for at least
 * seven years": a retention.
 */
const KEPT_FOR = new RegExp(
  `\\b(${KEPT})(\\s+(?:for|up to|no longer than)\\s+` +
    `(?:(?:up to|at least|at most|a minimum of|a maximum of)\\s+)?${DURATION})`,
  'gi',
);

/**
 * A sentence that says how long something is kept states its retention, as
 * a title that asks "How long are logs kept?" asks for it: "Shadow scores
 * are logged with a hashed user id and kept for 14 days" mentions the log
 * retention. The verb is read as the retention it states, where it
 * stands, so that the word stays as close to what is kept.
 */
export function statedRetention(text: string): string {
  return text.replace(KEPT_FOR, 'retention$2');
}

/** A title that asks a question ("Who can read them?"). */
export function isQuestion(title: string): boolean {
  return title.trim().endsWith('?');
}

/**
 * The noun phrase a request is about, before the participle that says
 * what is to be done with it: "Lawful basis" in "Lawful basis documented
 * for each purpose", "Record of processing activities (Art. 30)" in
 * "Record of processing activities (Art. 30) covering every data flow".
 * The participle must be followed by a word that cannot continue a noun
 * phrase (a preposition, a determiner or an "-ly" adverb), so that
 * "Customer managed keys" or "Rate limiting per tenant" stay whole. The
 * head needs two words. A question has none: its participle is the verb
 * of the question ("How is data encrypted in transit?").
 */
export function participleHead(title: string): string | null {
  if (isQuestion(title)) return null;
  const found = PARTICIPLE_CLAUSE.exec(title);
  if (found === null) return null;

  const head = title.slice(0, found.index).trim();
  const headWords = head.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return headWords.length >= 2 ? head : null;
}

/** Irregular past participles of requests ("kept in sync"). */
const IRREGULAR_PARTICIPLES = 'kept|built|held|sent|made|written|done|shown';

/** Words that open a clause after a participle. */
const PREPOSITIONS =
  'for|in|on|at|with|within|across|before|after|by|to|into|from|per|under|over';
const DETERMINERS = 'every|each|all|any|the|a|an|our|its|their';

const PARTICIPLE_CLAUSE = new RegExp(
  `\\s(?:(?:\\p{L}{2,}ed|${IRREGULAR_PARTICIPLES})\\s+` +
    `(?:(?:${PREPOSITIONS}|${DETERMINERS})\\b|\\p{L}+ly\\b)` +
    `|\\p{L}{3,}ing\\s+(?:${DETERMINERS})\\b)`,
  'iu',
);

/**
 * The topic of a heading written as "Topic: detail", such as "Metrics:
 * macro-F1 and per-queue recall"; null when there is no such split.
 * Labels such as "Appendix A:" or "Phase 2:" are not topics.
 */
export function headingTopic(title: string): string | null {
  const parts = title.split(/:\s+/);
  if (parts.length < 2) return null;

  const label =
    /^(appendix|annex|part|phase|step|section|chapter|week|stage|milestone)\s+\w{1,3}$/i;
  const topics = parts.slice(0, -1).filter((part) => !label.test(part.trim()));
  return topics.length > 0 ? topics[0].trim() : null;
}

/**
 * True when a "Topic: detail" heading names one instance of what a plural
 * item asks for: "Future possibility: precise capturing syntax" is one
 * future possibility, not the section "Future Possibilities", and
 * "Alternative A: keep Redis" is one alternative. The words must be the
 * same but for the last, which the item has in the plural and the heading
 * in the singular; a label after it ("A", "2") is set aside.
 */
export function namesOneInstance(itemTitle: string, heading: string): boolean {
  const topic = headingTopic(heading);
  if (topic === null) return false;

  const asked = words(itemTitle);
  const named = withoutLabel(words(topic));
  if (asked.length === 0 || asked.length !== named.length) return false;

  const sameStems = asked.every(
    (word, index) => stem(word) === stem(named[index]),
  );
  const askedLast = asked[asked.length - 1];
  const namedLast = named[named.length - 1];
  return (
    sameStems &&
    askedLast !== namedLast &&
    /s$/.test(askedLast) &&
    !/s$/.test(namedLast)
  );
}

/**
 * A topic's words without a trailing label: "Alternative A" and "Option 2"
 * name one alternative and one option.
 */
function withoutLabel(topic: string[]): string[] {
  const last = topic[topic.length - 1];
  const isLabel = last !== undefined && /^(?:[a-z]|\d{1,2})$/.test(last);
  return isLabel && topic.length > 1 ? topic.slice(0, -1) : topic;
}

/**
 * The head of a sentence-like title, before its first qualifying phrase:
 * "PodDisruptionBudgets" in "Add PodDisruptionBudgets for latency-critical
 * services". Null for short titles, which are all head.
 */
export function titleCore(title: string): string | null {
  if (title.split(/\s+/).length < 4) return null;

  const head =
    /^(.+?)\s+(?:for|in|on|at|with|before|after|across|into|from|against|instead of|so that|to)\s/i.exec(
      title,
    );
  return head && head[1].split(/\s+/).length >= 1 ? head[1] : null;
}

/**
 * The parts of a coordinated title: "rate limits" and "abuse controls" in
 * "What rate limits or abuse controls exist?". A text that discusses one
 * part discusses the item in part. Null when there is nothing to split.
 */
export function titleParts(title: string): string[] | null {
  const question = isQuestion(title);
  const parts = splitAtCoordination(title).filter(
    (part) => part !== '' && !isLonePredicate(part, question),
  );
  return parts.length > 1 ? parts : null;
}

/**
 * The parts of a coordinated title that each name a topic, for finding
 * sections: as {@link titleParts}, except that when the coordination
 * only joins the objects of the first part's last phrase ("Role-based
 * access restricted by site and study") the first part alone is one. A
 * heading about "study" is no section of that item, though a sentence
 * about the study is still a mention of it.
 */
export function topicParts(title: string): string[] | null {
  const split = splitAtCoordination(title);
  if (coordinatesInsidePhrase(split) && split[0] !== '') return [split[0]];
  return titleParts(title);
}

function splitAtCoordination(title: string): string[] {
  return title
    .replace(/\([^()]*\)/g, ' ')
    .split(/\s+(?:and|or|&|\+)\s+|\s*[,;/]\s*/i)
    .map((part) => part.trim());
}

/** Prepositions after which a coordination joins objects, not topics. */
const PHRASE_PREPOSITIONS = `by between for with of in on at from to across per
  within among via under into against without`.split(/\s+/);
const PREPOSITION = new RegExp(
  `\\s(?:${PHRASE_PREPOSITIONS.join('|')})\\s`,
  'i',
);

/** Words that open a clause of its own: "…, and who holds the keys?". */
const CLAUSE_OPENERS = `who what how where when why which is are was were
  do does did has have can could will would should must so because while
  unless if since`.split(/\s+/);
const CLAUSE_OPENING = new RegExp(
  `^(?:(?:and|or|but)\\s+)?(?:${CLAUSE_OPENERS.join('|')})\\b`,
  'i',
);

/**
 * Whether the words after the first "and" or comma belong to a phrase
 * that the first part opens: "Role-based access restricted by site and
 * study" is restricted by both, and "study" alone is no topic of it;
 * "Query management between monitors, data managers and sites" is
 * between them all. A part that opens a clause of its own ("How is data
 * encrypted at rest, and who holds the keys?", "…, so an amendment can
 * change a form") is a part still.
 */
function coordinatesInsidePhrase(split: string[]): boolean {
  const [first, ...rest] = split;
  if (first === undefined || rest.length === 0) return false;
  if (!PREPOSITION.test(` ${first} `.replace(/^\s*\S+/, ' '))) return false;
  return !rest.some((part) => CLAUSE_OPENING.test(part));
}

/** A past participle: "deployed". */
const PARTICIPLE = /^\p{L}{3,}ed$/u;

/** An adjective of what can be done: "downloadable", "accessible". */
const ABILITY = /^\p{L}{3,}(?:able|ible)$/u;

/** Words that only qualify a predicate: "still downloadable", "fully tested". */
const QUALIFIER = /^(?:still|also|then|not|never|always|\p{L}{3,}ly)$/u;

/**
 * A part that is one past participle, or in a question one "-able" word,
 * perhaps qualified ("deployed" of "How are configuration changes
 * reviewed and deployed?", "still downloadable" of "… are they archived
 * and still downloadable?"), says what is done to, or true of, the
 * subject of another part; alone it names no topic. Outside questions an
 * "-able" word is as often a noun ("Budget and timetable").
 */
function isLonePredicate(part: string, question: boolean): boolean {
  const words = part
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .trim()
    .split(/\s+/);
  const last = words.pop();
  if (last === undefined || !words.every((word) => QUALIFIER.test(word)))
    return false;
  return PARTICIPLE.test(last) || (question && ABILITY.test(last));
}
