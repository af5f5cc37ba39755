/**
 * A line of a file with the exact line ending it had, so that a file can be
 * taken apart and put back together byte for byte.
 */
export interface Line {
  text: string;
  /** `\n`, `\r\n`, `\r`, or `''` for a last line without a final newline. */
  eol: string;
}

/**
 * Split text into lines the way the Markdown parser counts them (LF, CRLF
 * and a lone CR all end a line); `joinLines` gives the same text back.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const ending = /\r\n|\r|\n/g;
  let start = 0;

  for (
    let match = ending.exec(text);
    match !== null;
    match = ending.exec(text)
  ) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }

  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/**
 * The line ending new lines should get: the one the file uses most, LF
 * when it has none or on a tie.
 */
export function dominantEol(lines: readonly Line[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.eol !== '') counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  }

  let best = '\n';
  for (const [eol, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = eol;
  }
  return best;
}

export function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text.trim() === '';
}
