/**
 * Fenced code as a line scan sees it, for the scans that run before or
 * instead of the parser (plan/cuts.ts, quick-scan.ts): inside a fence a
 * `#` line is code and no Markdown block starts.
 */

/** An open fence: its character, how many of them, its indentation. */
export interface Fence {
  marker: string;
  length: number;
  indent: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Whether a line looks like a fence, opening or closing. */
export function isFenceLine(line: string): boolean {
  return FENCE.test(line);
}

/**
 * The fence this line opens, or null. A backtick fence whose info string
 * holds a backtick is no fence (it would be an inline code span).
 */
export function opensFence(line: string): Fence | null {
  const match = FENCE.exec(line);
  if (!match) return null;

  const [, indent, marker, info] = match;
  if (marker[0] === '`' && info.includes('`')) return null;
  return { marker: marker[0], length: marker.length, indent: indent.length };
}

/**
 * Whether this line closes the open fence: the same character, at least
 * as many times, and nothing after it but blanks.
 */
export function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE.exec(line);
  if (!match || match[3].trim() !== '') return false;
  return match[2][0] === fence.marker && match[2].length >= fence.length;
}
