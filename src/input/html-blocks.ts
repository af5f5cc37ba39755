/**
 * HTML blocks as a line scan can see them: where one opens and what ends
 * it. Inside one, Markdown is text: a `#` line is no heading, a table no
 * table. Used by the scans that run before the parse (plan/cuts.ts and
 * quick-blocks.ts).
 */

/** An open HTML block. */
export interface HtmlBlock {
  /** What ends it: a pattern on a line, or the next blank line. */
  end: RegExp | 'blank';
  indent: number;
}

const HTML_START = /^( {0,3})<[A-Za-z/!?]/;

/** HTML blocks that end at a closing marker rather than a blank line. */
const HTML_WITH_END: [RegExp, RegExp][] = [
  [
    /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i,
    /<\/(?:script|pre|style|textarea)>/i,
  ],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];

/** The HTML block this line opens, or null. */
export function opensHtml(line: string): HtmlBlock | null {
  const match = HTML_START.exec(line);
  if (!match) return null;

  const indent = match[1].length;
  const rest = line.slice(indent);
  const withEnd = HTML_WITH_END.find(([start]) => start.test(rest));
  return { end: withEnd ? withEnd[1] : 'blank', indent };
}

/** Whether this line ends an open HTML block (a blank line is `blank`). */
export function endsHtml(html: HtmlBlock, line: string, blank: boolean) {
  return html.end === 'blank' ? blank : html.end.test(line);
}
