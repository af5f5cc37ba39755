import type { Finding, Judgement } from '../model.js';
import { label } from './suggest.js';

/**
 * What is worth saying about the gap list itself: items whose own
 * priority markers disagree.
 */
export function findGapListProblems(judgements: Judgement[]): Finding[] {
  return judgements.flatMap((judgement) => conflictingPriority(judgement));
}

function conflictingPriority(judgement: Judgement): Finding[] {
  const stated = new Set(judgement.item.statedPriorities);
  if (stated.size < 2) return [];

  return [
    {
      kind: 'conflicting-priority',
      severity: 'warning',
      file: 'gapList',
      lines: [judgement.item.line],
      message: `${label(judgement)} states conflicting priorities (${[...stated].join(', ')}); using ${judgement.item.priority}`,
    },
  ];
}
