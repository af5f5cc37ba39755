import type { Finding, GapItem } from '../model.js';
import { titleTokens } from '../text/tokens.js';

/**
 * Merge items the gap list lists twice: one that points at another ("see
 * Gap 4", "same as row 1"), or one whose title is the same as an earlier
 * item's once normalised. The first listing stays, counted once; the
 * second becomes a line in `alsoListedAt` and a finding with both lines.
 */
export function mergeRepeats(items: GapItem[]): {
  items: GapItem[];
  findings: Finding[];
} {
  const kept: GapItem[] = [];
  const findings: Finding[] = [];
  const keys = new Map<GapItem, string>();
  // The first kept item per (removal, title key): a large gap list then
  // costs one lookup per item instead of a scan of every earlier one.
  const firstByKey = new Map<string, GapItem>();

  for (const item of items) {
    const key = titleKey(item.title);
    keys.set(item, key);
    const lookup = `${item.remove}\0${key}`;

    const original = item.seeAlso
      ? kept.find((earlier) => repeats(item, earlier, keys))
      : key === ''
        ? undefined
        : firstByKey.get(lookup);
    if (!original) {
      kept.push(item);
      if (key !== '' && !firstByKey.has(lookup)) firstByKey.set(lookup, item);
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

function repeats(
  item: GapItem,
  earlier: GapItem,
  keys: Map<GapItem, string>,
): boolean {
  if (item.remove !== earlier.remove) return false;
  if (item.seeAlso && pointsAt(item.seeAlso, earlier)) return true;

  const key = keys.get(item) as string;
  return key !== '' && key === keys.get(earlier);
}

/** Does a reference such as "Gap 4", "4", "4.1" or "#4" name this item? */
function pointsAt(target: string, item: GapItem): boolean {
  const wanted = normalizeReference(target);
  const names = [item.id, item.number].filter(
    (name): name is string => name !== null,
  );
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
