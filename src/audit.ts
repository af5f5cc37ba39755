import { type Extraction, extractGapItems } from './gaps/extract.js';
import {
  computeScore,
  DEFAULT_SCORE_SETTINGS,
  type ScoreSettings,
  summarize,
} from './judge/score.js';
import {
  type ClosestSettings,
  pointToClosestSections,
} from './judge/closest.js';
import { suggestPlacements } from './judge/suggest.js';
import { judgeItem } from './judge/verdict.js';
import { MatchEngine } from './match/engine.js';
import { PlanIndex } from './match/plan-index.js';
import type {
  AuditReport,
  ItemSource,
  PlanOutline,
  SourceFile,
} from './model.js';
import { buildPlanOutline, planLabel } from './plan/merge.js';
import { enabledRuleOf, type Rule } from './rules/load.js';
import { CLOSEST_KIND } from './rules/closest-kind.js';
import { SCORE_KIND } from './rules/score-kind.js';
import { mergeRepeats } from './gaps/repeats.js';
import { settleClaims } from './judge/claims.js';
import { rejectTimeBoxes } from './judge/time-boxes.js';
import { findGapListProblems } from './judge/findings.js';
import { findNumberingProblems } from './judge/numbering.js';
import { findSimilarSections } from './judge/similar-sections.js';
import { acronymGroups } from './text/acronyms.js';

export interface AuditResult extends AuditReport {
  /** How the gap list's items were found. */
  strategy: ItemSource;
  /** The plan's outline, for explanations and fixes. */
  outline: PlanOutline;
}

/** A plan given as several files: the files and how to name them. */
export interface PlanFiles {
  files: SourceFile[];
  /** The folder or list the user gave, for headers. */
  label?: string;
}

/**
 * Steps already done elsewhere: the CLI outlines large plans in worker
 * threads or takes the outline from its cache, and reads the gap list
 * meanwhile.
 */
export interface Prepared {
  outline?: PlanOutline;
  extraction?: Extraction;
}

/**
 * The whole audit on files already read: outline the plan (one file or
 * several), find the gap items, gather every rule's evidence, judge, place
 * what is missing, score. Pure: it reads nothing and prints nothing.
 */
export function audit(
  plan: SourceFile | PlanFiles,
  gapList: SourceFile,
  rules: Rule[],
  prepared: Prepared = {},
): AuditResult {
  const planFiles = 'files' in plan ? plan.files : [plan];
  const outline = prepared.outline ?? buildPlanOutline(planFiles);
  const extraction = prepared.extraction ?? extractGapItems(gapList);
  const { items, findings: repeatFindings } = mergeRepeats(extraction.items);

  const engine = new MatchEngine(
    rules,
    acronymGroups(
      [gapList.text, ...planFiles.map((file) => file.text)],
      [
        ...outline.sections.map((section) => section.title),
        ...items.map((item) => item.title),
      ],
    ),
  );
  const index = new PlanIndex(outline, engine.vocabulary);
  // Matching and the closest-section leads both read each item's terms.
  const terms = items.map((item) => engine.termsOf(item));
  const evidence = terms.map((itemTerms) =>
    engine.evidenceFor(itemTerms, index),
  );
  settleClaims(items, evidence);
  rejectTimeBoxes(evidence, outline.sections);
  const judgements = items.map((item, position) =>
    judgeItem(item, evidence[position], index),
  );
  suggestPlacements(judgements, outline);
  const closest = closestSettings(rules);
  if (closest) pointToClosestSections(judgements, terms, index, closest);

  return {
    plan: planLabel(planFiles, 'files' in plan ? plan.label : undefined),
    planFiles,
    gapList,
    strategy: extraction.strategy,
    outline,
    judgements,
    findings: [
      ...repeatFindings,
      ...findNumberingProblems(extraction.items),
      ...findGapListProblems(judgements),
      ...findSimilarSections(outline),
    ],
    score: computeScore(judgements, scoreSettings(rules)),
    summary: summarize(judgements),
  };
}

/** The enabled closest-section rule's options, or null when it is off. */
function closestSettings(rules: Rule[]): ClosestSettings | null {
  const rule = enabledRuleOf(rules, CLOSEST_KIND);
  return rule ? (rule.options as unknown as ClosestSettings) : null;
}

function scoreSettings(rules: Rule[]): ScoreSettings {
  const rule = enabledRuleOf(rules, SCORE_KIND);
  if (!rule) return DEFAULT_SCORE_SETTINGS;

  return {
    weights: {
      ...DEFAULT_SCORE_SETTINGS.weights,
      ...(rule.options.weights as object),
    },
    credits: {
      ...DEFAULT_SCORE_SETTINGS.credits,
      ...(rule.options.credits as object),
    },
  };
}
