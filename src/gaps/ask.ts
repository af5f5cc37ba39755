import { normalizeTitle } from '../text/tokens.js';

/**
 * The lines of an item's body that say what is asked for. Gap lists label
 * their lines (`**Missing**:`, `**Impact**:`, `**Current State**:`); only
 * some labels describe the wanted content. "Current State" names what the
 * plan already has and would point at the wrong section.
 */
const ASKING_LABELS = new RegExp(
  '^(' +
    [
      'missing|needed|need|required|requirement|requirements|todo|to do|add',
      'what|expected|description|details|scope|goal|deliverables?|should',
      'must|wanted|ask|gap|fix|proposal|solution',
      // What must hold for the item to count as done is what it asks for
      'acceptance|acceptance criteria|acceptance notes',
    ].join('|') +
    ')$',
  'i',
);

const LABELLED_LINE =
  /^[\s>*+-]*(?:\*\*|__)?([\p{L} /]{2,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/u;

/**
 * The text of the asking lines: labelled lines with an asking label, and
 * unlabelled prose lines. Code, tables and headings are skipped. A line
 * labelled with the item's own title (`**Rollback plan**: how do we go
 * back?`) describes the item: what follows its label is asked for.
 */
export function askingText(body: string, ownTitle = ''): string {
  const own = normalizeTitle(ownTitle);
  const kept: string[] = [];
  let inCode = false;

  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode || /^\s*(```|~~~|\||#)/.test(line) || line.trim() === '')
      continue;

    const labelled = LABELLED_LINE.exec(line);
    if (!labelled) kept.push(line);
    else if (asks(labelled[1].trim(), own)) kept.push(labelled[2]);
  }
  return kept.join('\n');
}

function asks(label: string, ownTitle: string): boolean {
  return (
    ASKING_LABELS.test(label) ||
    (ownTitle !== '' && normalizeTitle(label) === ownTitle)
  );
}
