import type { Finding, GapItem } from '../model.js';

/**
 * Holes and repeats in the gap list's id numbering: `Gap 7` followed by
 * `Gap 9` usually means an item was deleted or never written, and two
 * `Gap 4`s mean one of them was misnumbered.
 */
export function findNumberingProblems(items: GapItem[]): Finding[] {
  const series = new Map<
    string,
    Array<{ number: number; line: number; id: string }>
  >();

  for (const item of items) {
    const match = item.id ? /^(.*?)[\s#-]*(\d+)$/.exec(item.id) : null;
    if (!match) continue;

    const prefix = match[1].toLowerCase();
    const entries = series.get(prefix) ?? [];
    entries.push({
      number: Number(match[2]),
      line: item.line,
      id: item.id as string,
    });
    series.set(prefix, entries);
  }

  return [...series.values()].flatMap((entries) => [
    ...repeats(entries),
    ...holes(entries),
  ]);
}

function repeats(
  entries: Array<{ number: number; line: number; id: string }>,
): Finding[] {
  const seen = new Map<number, { line: number; id: string }>();
  const findings: Finding[] = [];

  for (const entry of entries) {
    const first = seen.get(entry.number);
    if (!first) {
      seen.set(entry.number, entry);
      continue;
    }
    findings.push({
      kind: 'id-repeated',
      severity: 'warning',
      file: 'gapList',
      lines: [first.line, entry.line],
      message: `${entry.id} is used twice`,
    });
  }
  return findings;
}

function holes(
  entries: Array<{ number: number; line: number; id: string }>,
): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<number, { number: number; line: number; id: string }>();
  for (const entry of entries)
    if (!first.has(entry.number)) first.set(entry.number, entry);
  const sorted = [...first.values()].sort((a, b) => a.number - b.number);

  for (let index = 1; index < sorted.length; index++) {
    const before = sorted[index - 1];
    const after = sorted[index];
    if (after.number - before.number <= 1) continue;

    const absent =
      after.number - before.number === 2
        ? `${after.number - 1}`
        : `${before.number + 1}–${after.number - 1}`;
    findings.push({
      kind: 'id-hole',
      severity: 'info',
      file: 'gapList',
      lines: [before.line, after.line],
      message: `${before.id} is followed by ${after.id}: number ${absent} is not in the gap list`,
    });
  }
  return findings;
}
