import type { Finding, GapItem } from '../model.js';
import { titleTokens } from '../text/tokens.js';

/**
 * Merge items the gap list lists twice: one that points at another ("see
 * Gap 4", "same as row 1"), or one whose title is the same as an earlier
 * item's once normalised. The first listing stays, counted once; the
 * second becomes a line in `alsoListedAt` and a finding with both lines.
 */
export function mergeRepeats(items: GapItem[]): { items: GapItem[]; findings: Finding[] } {
  const kept: GapItem[] = [];
  const findings: Finding[] = [];

  for (const item of items) {
    const original = kept.find((earlier) => repeats(item, earlier));
    if (!original) {
      kept.push(item);
      continue;
    }

    original.alsoListedAt.push(item.line);
    findings.push({
      kind: 'listed-twice',
      severity: 'warning',
      file: 'gapList',
      lines: [original.line, item.line],
      message: `"${item.title}" repeats "${original.title}"; counted once`,
    });
  }
  return { items: kept, findings };
}

function repeats(item: GapItem, earlier: GapItem): boolean {
  if (item.remove !== earlier.remove) return false;
  if (item.seeAlso && pointsAt(item.seeAlso, earlier)) return true;

  const key = titleKey(item.title);
  return key !== '' && key === titleKey(earlier.title);
}

/** Does a reference such as "Gap 4", "4", "4.1" or "#4" name this item? */
function pointsAt(target: string, item: GapItem): boolean {
  const wanted = normalizeReference(target);
  const names = [item.id, item.number].filter((name): name is string => name !== null);
  return names.some((name) => {
    const have = normalizeReference(name);
    return have === wanted || have.replace(/^\D+/, '') === wanted;
  });
}

function normalizeReference(reference: string): string {
  return reference.toLowerCase().replace(/[\s#-]+/g, '');
}

function titleKey(title: string): string {
  return [...new Set(titleTokens(title))].sort().join(' ');
}
