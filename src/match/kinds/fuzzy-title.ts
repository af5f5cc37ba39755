import type { Evidence } from '../../model.js';
import type { ItemTerms, MatcherKind } from '../kind.js';
import { sectionEvidence } from '../kind.js';
import type { PlanIndex } from '../plan-index.js';

/**
 * Titles that share most of their words, weighted by rarity. Both sides
 * must be covered: the item's words by the heading (so "Docker Swarm
 * Orchestration" does not cover "Docker Swarm Rolling Updates") and enough
 * of the heading's words by the item (so a heading about something larger
 * that happens to contain the item's words does not either).
 */
export const fuzzyTitleKind: MatcherKind = {
  kind: 'fuzzy-title',
  summary: 'most of the words of both titles shared, rare words counting more',
  options: {
    minItemCoverage: {
      type: 'number',
      default: 0.8,
      min: 0,
      max: 1,
      doc: "share of the item title's weight the heading must contain",
    },
    minSectionCoverage: {
      type: 'number',
      default: 0.34,
      min: 0,
      max: 1,
      doc: "share of the heading's weight the item title must contain",
    },
    maxConfidence: {
      type: 'number',
      default: 0.9,
      min: 0,
      max: 1,
      doc: 'confidence of a perfect overlap; exact rules stay above it',
    },
  },
  create(rule, options) {
    const thresholds = options as {
      minItemCoverage: number;
      minSectionCoverage: number;
      maxConfidence: number;
    };

    return {
      rule,
      findEvidence(item, plan) {
        if (item.canonical.length === 0) return [];
        return plan
          .sectionsSharing(item.canonical)
          .map((index) => judgeOverlap(rule, item, plan, index, thresholds));
      },
    };
  },
};

function judgeOverlap(
  rule: string,
  item: ItemTerms,
  plan: PlanIndex,
  index: number,
  thresholds: { minItemCoverage: number; minSectionCoverage: number; maxConfidence: number },
): Evidence {
  const wanted = new Set(item.canonical);
  const offered = new Set(plan.sections[index].canonical);
  const shared = [...wanted].filter((stem) => offered.has(stem));
  const missing = [...wanted].filter((stem) => !offered.has(stem));

  const weight = (stems: Iterable<string>) => [...stems].reduce((sum, stem) => sum + plan.idf(stem), 0);
  const itemCoverage = weight(shared) / weight(wanted);
  const sectionCoverage = weight(shared) / weight(offered);

  const accepted =
    itemCoverage >= thresholds.minItemCoverage && sectionCoverage >= thresholds.minSectionCoverage;
  const confidence = thresholds.maxConfidence * (0.7 * itemCoverage + 0.3 * sectionCoverage);

  return sectionEvidence(rule, index, {
    confidence: round(confidence),
    accepted,
    sharedTokens: shared,
    reason: describe(itemCoverage, sectionCoverage, missing, thresholds),
  });
}

function describe(
  itemCoverage: number,
  sectionCoverage: number,
  missing: string[],
  thresholds: { minItemCoverage: number; minSectionCoverage: number },
): string {
  const parts = [
    `item words covered ${round(itemCoverage)}` +
      (itemCoverage < thresholds.minItemCoverage ? ` < ${thresholds.minItemCoverage}` : ''),
    `heading words covered ${round(sectionCoverage)}` +
      (sectionCoverage < thresholds.minSectionCoverage ? ` < ${thresholds.minSectionCoverage}` : ''),
  ];
  if (missing.length > 0) parts.push(`not in heading: ${missing.join(', ')}`);
  return parts.join('; ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
