/**
 * What quick blocks (quick-blocks.ts) count as plain: the patterns for
 * lines whose mdast is known without parsing them.
 */

/**
 * Characters that may start an inline construct: `*_` emphasis, `` ` ``
 * code (but see {@link codeSpan}), `[]!` links, images and footnote
 * calls, `<` HTML and autolinks, `&` character references, `\` escapes
 * and hard breaks, `~` strikethrough. Tabs, carriage returns and NUL are
 * left out too, since micromark rewrites them. Pipes are left out of
 * words, since they could make a line a table's head. (Literal autolinks
 * are not parsed at all: see parse.ts.)
 */
export const NOT_PLAIN = '!&*_<[\\\\\\]`~|\\t\\r\\0';

/** A plain character. */
const PLAIN = `[^${NOT_PLAIN}]`;

/**
 * A code span between single backticks, the one inline construct plain
 * blocks may hold: nothing inside it is markup. It holds no backtick, no
 * space at either end (micromark would trim one) and no tab, carriage
 * return or NUL, and no backtick follows it (the two would be one longer
 * run). `alsoNot` lists more characters it may not hold.
 */
export function codeSpan(alsoNot = ''): string {
  const edge = `[^\`\\s${alsoNot}]`;
  return `\`${edge}(?:[^\`\\t\\r\\0${alsoNot}]*${edge})?\`(?!\`)`;
}

/**
 * The first character of a line of words: none that opens another block
 * where a paragraph is open (a space or tab, `#` heading, `>` quote, `-`
 * or `+` list item, `=` or `-` setext underline, `:` of a table's
 * delimiter row) and no number followed by `.` or `)`, which opens an
 * ordered list.
 */
const FIRST = `(?!\\d{1,9}[.)])[^\\s#>+=:${NOT_PLAIN}-]`;

/**
 * Words: plain characters and code spans, not starting as a block does,
 * and ending with no space (which would be a hard break, or be trimmed).
 */
export const WORDS = `(?:${FIRST}|${codeSpan()})(?:${PLAIN}|${codeSpan()})*(?<! )`;

/**
 * The same, starting with a plain character: after a task list check box
 * or `~~` the parser's rules for what comes first differ.
 */
export const PLAIN_FIRST_WORDS = `${FIRST}(?:${PLAIN}|${codeSpan()})*(?<! )`;

/** Lines before and after which a block stands on its own at the root. */
export const BLANK = /^[ \t]*$/;
export const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Whether a block ending before line `end` ends there: the end of the
 * text, a blank line or a heading follow, so no lazy line, setext
 * underline or delimiter row can make the block go on or become another.
 */
export function endsBlock(lines: string[], end: number): boolean {
  const after = lines[end];
  return after === undefined || BLANK.test(after) || ATX_HEADING.test(after);
}
