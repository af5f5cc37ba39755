import { UsageError } from '../errors.js';
import { itemKey } from '../gaps/identity.js';
import type { Judgement } from '../model.js';
import { label } from '../judge/suggest.js';
import { type ItemKind, itemKind, kindRank } from './settings.js';

/** An item as an earlier JSON report recorded it. */
export interface BaselineItem {
  key: string;
  label: string;
  kind: ItemKind;
}

/** An earlier JSON report, reduced to what a comparison needs. */
export interface Baseline {
  path: string;
  score: number;
  items: Map<string, BaselineItem>;
}

/** An item whose verdict changed since the baseline. */
export interface ItemChange {
  key: string;
  label: string;
  before: ItemKind;
  after: ItemKind;
}

/** How this run differs from the baseline. */
export interface BaselineDiff {
  path: string;
  scoreBefore: number;
  scoreAfter: number;
  /** Items that got worse. */
  regressions: ItemChange[];
  improvements: ItemChange[];
  /** Items the baseline did not have. */
  added: BaselineItem[];
  /** Items of the baseline that the gap list no longer has. */
  dropped: BaselineItem[];
}

interface ReportGap {
  id?: unknown;
  title?: unknown;
  verdict?: unknown;
  remove?: unknown;
  passed?: unknown;
}

const VERDICT_KINDS = new Set(['present', 'duplicate', 'partial', 'missing']);

/**
 * Read a baseline: a JSON report written by `--format json` or
 * `--write-baseline`. Anything else is refused with the file named.
 */
export function parseBaseline(path: string, text: string): Baseline {
  let data: { score?: unknown; gaps?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch (error) {
    throw new UsageError(
      `is not valid JSON (${(error as Error).message}); expected a plan-audit JSON report`,
      path,
    );
  }

  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.score !== 'number' ||
    !Array.isArray(data.gaps)
  ) {
    throw new UsageError(
      'is not a plan-audit JSON report (expected "score" and a "gaps" list)',
      path,
    );
  }

  const items = new Map<string, BaselineItem>();
  data.gaps.forEach((gap: ReportGap, index: number) => {
    const entry = baselineItem(gap);
    if (!entry)
      throw new UsageError(
        `gaps[${index}] lacks a title or a known verdict; expected a plan-audit JSON report`,
        path,
      );
    items.set(entry.key, entry);
  });
  return { path, score: data.score, items };
}

function baselineItem(gap: ReportGap): BaselineItem | null {
  if (typeof gap !== 'object' || gap === null) return null;
  if (
    typeof gap.title !== 'string' ||
    typeof gap.verdict !== 'string' ||
    !VERDICT_KINDS.has(gap.verdict)
  ) {
    return null;
  }

  const id = typeof gap.id === 'string' && gap.id !== '' ? gap.id : null;
  const kind: ItemKind =
    gap.remove === true
      ? gap.passed === true
        ? 'removed'
        : 'not-removed'
      : (gap.verdict as ItemKind);
  const key = itemKey({ id, title: gap.title } as Parameters<
    typeof itemKey
  >[0]);
  return { key, label: id ? `${id} ${gap.title}` : gap.title, kind };
}

/** Compare this run's items and score with the baseline's, item by key. */
export function compareWithBaseline(
  baseline: Baseline,
  judgements: Judgement[],
  score: number,
): BaselineDiff {
  const diff: BaselineDiff = {
    path: baseline.path,
    scoreBefore: baseline.score,
    scoreAfter: score,
    regressions: [],
    improvements: [],
    added: [],
    dropped: [],
  };
  const seen = new Set<string>();

  for (const judgement of judgements) {
    const key = itemKey(judgement.item);
    const after = itemKind(judgement);
    const before = baseline.items.get(key);
    seen.add(key);

    if (!before) {
      diff.added.push({ key, label: label(judgement), kind: after });
    } else if (kindRank(after) < kindRank(before.kind)) {
      diff.regressions.push({
        key,
        label: label(judgement),
        before: before.kind,
        after,
      });
    } else if (kindRank(after) > kindRank(before.kind)) {
      diff.improvements.push({
        key,
        label: label(judgement),
        before: before.kind,
        after,
      });
    }
  }

  for (const item of baseline.items.values())
    if (!seen.has(item.key)) diff.dropped.push(item);
  return diff;
}
