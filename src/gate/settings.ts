import type { Judgement, Priority } from '../model.js';

/** The verdicts `--fail-on` can name. */
export type FailKind = 'missing' | 'partial' | 'duplicate';

export const FAIL_KINDS: readonly FailKind[] = [
  'missing',
  'partial',
  'duplicate',
];

/** What a priority's gate does with a failing item: fail the run or only warn. */
export type Gate = 'fail' | 'warn';

export const GATES: readonly Gate[] = ['fail', 'warn'];

/**
 * When a run fails. Set by the config file (`failOn`, `minScore`,
 * `maxMissing`, `gates`), then by the command line, which wins.
 */
export interface PolicySettings {
  failOn: FailKind[];
  minScore: number | null;
  maxMissing: number | null;
  gates: Record<Priority, Gate>;
}

/** Fail when a required item is missing (or not removed); nothing else. */
export const DEFAULT_POLICY: PolicySettings = {
  failOn: ['missing'],
  minScore: null,
  maxMissing: null,
  gates: { critical: 'fail', high: 'fail', medium: 'fail', low: 'fail' },
};

/**
 * What happened to an item, one word: the four verdicts, and for items
 * the gap list asks to remove, `removed` or `not-removed`.
 */
export type ItemKind =
  'present' | 'duplicate' | 'partial' | 'missing' | 'removed' | 'not-removed';

/** The kind of a judgement, removal checks included. */
export function itemKind(judgement: Judgement): ItemKind {
  if (judgement.item.remove)
    return judgement.passed ? 'removed' : 'not-removed';
  return judgement.verdict;
}

/** Better is higher; a baseline regression is a drop. */
export function kindRank(kind: ItemKind): number {
  switch (kind) {
    case 'present':
    case 'removed':
      return 3;
    case 'duplicate':
      return 2;
    case 'partial':
      return 1;
    case 'missing':
    case 'not-removed':
      return 0;
  }
}

/**
 * Whether `--fail-on` covers a kind. A removal check that finds the item
 * still in the plan counts as missing, as it always has.
 */
export function failOnCovers(failOn: FailKind[], kind: ItemKind): boolean {
  if (kind === 'not-removed') return failOn.includes('missing');
  return (failOn as string[]).includes(kind);
}
