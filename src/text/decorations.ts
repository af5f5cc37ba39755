import type { Priority } from '../model.js';

/** A heading or table cell taken apart into its meaning and its dressing. */
export interface DecoratedTitle {
  /** The title with every decoration removed. */
  title: string;
  id: string | null;
  estimate: string | null;
  optional: boolean;
  /** Marked for removal: ❌, "REMOVE!", "(not needed)". */
  remove: boolean;
  /** Priorities the decorations state (emoji, `[P1]`, `(HIGH)`). */
  priorities: Priority[];
  /** Leading outline numbering such as `4.2`, without the dot, or null. */
  numbering: string | null;
  /** The item another item's title points to: "(see Gap 4)", "same as 3". */
  seeAlso: string | null;
}

const PICTOGRAPH =
  /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}\u{20E3}]/gu;

const PRIORITY_EMOJI: ReadonlyArray<[RegExp, Priority]> = [
  [/🔴|🔥|🚨|‼️/u, 'critical'],
  [/🟠/u, 'high'],
  [/🟡/u, 'medium'],
  [/🟢|🔵/u, 'low'],
];

/**
 * Identifiers that name an item: `Gap 8`, `REQ-12`, `SEC-3`, `G-08`,
 * `R-3.2`, `#14`, `Item 2.1`, also in brackets (`[GAP-8]`). Plain
 * numbering such as `7.2` is not an id.
 */
const ID_WORDS = `gap item req requirement issue task story feature finding
  risk action ticket todo step`.split(/\s+/);
const ID =
  String.raw`(?:${ID_WORDS.join('|')})\s*[-#]?\s*\d+(?:\.\d+)*[a-z]?` +
  String.raw`|[A-Z]{1,6}-\d+(?:\.\d+)*|#\d+`;
const ID_PATTERN = new RegExp(
  String.raw`^(?:\[(?<bracketed>${ID})\]|(?<id>${ID})\b)\s*[:.)\-–—]?\s*`,
  'i',
);

const ESTIMATE_UNITS =
  'min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|d|weeks?|wks?|w|sprints?|points?|pts|sp';

/** `(30 Minutes)`, `(~2h)`, `(1-2 days)`, `[3 pts]`, also without brackets at the end. */
const ESTIMATE_PATTERN = new RegExp(
  `[([]\\s*(?<est>~?\\s*\\d+(?:[.,]\\d+)?(?:\\s*[-–]\\s*\\d+(?:[.,]\\d+)?)?\\s*(?:${ESTIMATE_UNITS})\\.?)\\s*[)\\]]` +
    `|[-–—,]\\s*(?<tail>~?\\d+(?:[.,]\\d+)?(?:\\s*[-–]\\s*\\d+)?\\s*(?:${ESTIMATE_UNITS}))\\s*$`,
  'i',
);

/** Words that only dress a heading up: status stamps and removal marks. */
const STAMPS =
  /(?:^|\s|[-–—:])\s*\b(?:CORRECTED|UPDATED|FIXED|NEW|DONE|WIP|TODO|TBD|DRAFT|REVISED|COMPLETE|COMPLETED|DEPRECATED)\b!?(?=\s|$|[-–—:])/g;

/**
 * Removal marks. In capitals they are stamps wherever they stand ("- REMOVE!",
 * "— REMOVED in v3"); in any case only at the end, after a dash or colon or
 * in brackets ("Ray Serve — drop", "(not needed for v1)"), or as the verb
 * the title starts with ("Remove the legacy PayFlow gateway"). Elsewhere
 * they are words of the title: "Drag-and-drop rescheduling", "Dropped
 * frames", "how is it deleted".
 */
const REMOVAL_STAMP =
  /(?:^|\s|[-–—:(])\s*\b(?:REMOVE(?:D)?|DELETE|DROP(?:PED)?|NOT NEEDED)\b!*\)?(?=\s|$)/;
const REMOVAL_WORD = String.raw`(?:remove(?:d)?|delete|drop(?:ped)?|not needed)`;
const TRAILING_REMOVAL = new RegExp(
  String.raw`(?:\s[-–—:]\s*${REMOVAL_WORD}!*|\s*\(\s*${REMOVAL_WORD}\b[^()]*\))\s*$`,
  'i',
);
const LEADING_REMOVAL = /^(?:remove|delete|drop)\s+(?=\S)/i;

const OPTIONAL =
  /[([]\s*optional\s*[)\]]|\boptional\s*:\s*|^optional\b\s*[-–—:]?/i;

/** The words that point to another item: "see", "same as", "again, see". */
const POINTS_TO =
  String.raw`(?:again,?\s*)?` +
  String.raw`(?:see|same as|duplicate of|dup(?:licate)? of|as in|repeats?)\s+` +
  String.raw`(?:row\s+|item\s+)?`;

/** A pointer to another item, in brackets: "(see Gap 4)", "(again, see 4.1)". */
const SEE_ALSO = new RegExp(
  String.raw`[([]\s*${POINTS_TO}(?<target>[\w.#-]+(?:\s\d+)?)\s*[)\]]`,
  'i',
);

/**
 * The same with a note after a semicolon: "(same as CR-01; added again by
 * Flight Ops)", to a numbered target only ("Gap 4", "4.1", "CR-01"). A
 * comma may start a difference: "(same as Gap 3, but for mobile)".
 */
const SEE_ALSO_WITH_NOTE = new RegExp(
  String.raw`[([]\s*${POINTS_TO}(?<target>[a-z]*[\s#-]?\d[\w.-]*)\s*;[^()[\]]*[)\]]`,
  'i',
);

const BRACKETED_PRIORITY =
  /[([]\s*(?<level>P[0-3]|critical|high|medium|low)\s*(?:priority)?\s*[)\]]/i;

const PRIORITY_LEVELS: Record<string, Priority> = {
  p0: 'critical',
  p1: 'high',
  p2: 'medium',
  p3: 'low',
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
};

/**
 * Take a heading apart: `❌ Gap 15: Ray Serve - REMOVE!` gives id `Gap 15`,
 * title `Ray Serve`, remove true; `7.2 **Vault** (30 Minutes) 🟡` gives
 * title `Vault`, estimate `30 Minutes`, priority medium.
 */
export function parseDecoratedTitle(raw: string): DecoratedTitle {
  // Titles usually arrive as plain text; raw Markdown emphasis is dropped
  // too, for titles taken from source lines.
  let text = raw
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();

  const priorities = emojiPriorities(text);
  const stamped = hasRemovalStamp(text);

  text = text.replace(PICTOGRAPH, ' ').replace(/\s+/g, ' ').trim();

  const estimateMatch = ESTIMATE_PATTERN.exec(text);
  const estimate = estimateMatch
    ? (estimateMatch.groups?.est ?? estimateMatch.groups?.tail ?? '').trim()
    : null;
  if (estimateMatch)
    text = cut(text, estimateMatch.index, estimateMatch[0].length);

  const bracketed = BRACKETED_PRIORITY.exec(text);
  if (bracketed?.groups) {
    priorities.push(PRIORITY_LEVELS[bracketed.groups.level.toLowerCase()]);
    text = cut(text, bracketed.index, bracketed[0].length);
  }

  const optional = OPTIONAL.test(text);
  text = text.replace(OPTIONAL, ' ');

  const pointer = SEE_ALSO.exec(text) ?? SEE_ALSO_WITH_NOTE.exec(text);
  const seeAlso = pointer?.groups?.target.trim() ?? null;
  if (pointer) text = cut(text, pointer.index, pointer[0].length);

  const numbering = /^(\d+(?:\.\d+)+|\d+)[.)]?\s/.exec(text)?.[1] ?? null;
  const { id, rest } = takeId(stripNumbering(text));
  const remove = stamped || LEADING_REMOVAL.test(rest);
  text = withoutRemovalMarks(rest.replace(STAMPS, ' '));

  return {
    title: tidy(text),
    id,
    estimate: estimate === '' ? null : estimate,
    optional,
    remove,
    priorities,
    numbering,
    seeAlso,
  };
}

function hasRemovalStamp(text: string): boolean {
  return REMOVAL_STAMP.test(text) || TRAILING_REMOVAL.test(text);
}

function withoutRemovalMarks(text: string): string {
  return text
    .replace(new RegExp(REMOVAL_STAMP, 'g'), ' ')
    .replace(TRAILING_REMOVAL, ' ')
    .trim()
    .replace(LEADING_REMOVAL, '');
}

/** Priorities shown by marker emoji, in the order they appear. */
export function emojiPriorities(text: string): Priority[] {
  const found: Priority[] = [];
  for (const [pattern, priority] of PRIORITY_EMOJI) {
    if (pattern.test(text)) found.push(priority);
  }
  return found;
}

/** Drop leading outline numbering: `7.2`, `7.2.`, `3)`, `IV.`, `A.` */
function stripNumbering(text: string): string {
  return text.replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.|[A-Z][.)])\s+/, '');
}

function takeId(text: string): { id: string | null; rest: string } {
  const match = ID_PATTERN.exec(text);
  if (!match?.groups) return { id: null, rest: text };

  const written = match.groups.id ?? match.groups.bracketed;
  const id = written.replace(/\s+/g, ' ').replace(/\s*-\s*(?=\d)/, '-');
  const rest = text.slice(match[0].length);

  // "Step 3" alone is a title, not an id with an empty title.
  if (tidy(rest) === '') return { id: null, rest: text };
  return { id: formatId(id), rest };
}

/** `gap 8` → `Gap 8`; `req-12` → `REQ-12`; other ids keep their spelling. */
function formatId(id: string): string {
  if (/^[a-z]+\s/i.test(id)) return id[0].toUpperCase() + id.slice(1);
  return id.toUpperCase();
}

function cut(text: string, start: number, length: number): string {
  return `${text.slice(0, start)} ${text.slice(start + length)}`;
}

/** Trim the separators decorations leave behind. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/^[\s\-–—:|,.!*]+|[\s\-–—:|,!*]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
