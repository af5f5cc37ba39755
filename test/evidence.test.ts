import { describe, expect, it } from 'vitest';

import { MatchEngine } from '../src/match/engine.js';
import { PlanIndex } from '../src/match/plan-index.js';
import { EXPLAINED_CANDIDATES } from '../src/model.js';
import { SHIPPED_RULES } from '../src/meta.js';
import { formatExplanation } from '../src/report/explain.js';
import { loadRules } from '../src/rules/load.js';
import { auditTexts, md } from './helpers.js';

// One heading matches the item; twelve more have its most telling word
// ("webhook") and are rejected with various confidences; "retries" is
// common enough in the plan to be the lesser word.
const PLAN = md`
  # Plan
  ## Webhook retries
  ## Webhook signing keys
  ## Webhook delivery dashboard
  ## Webhook payload schema and versioning of the payload
  ## Webhook rate limits
  ## Webhook secrets rotation
  ## Webhook delivery logs
  ## Webhook endpoint registration for partners
  ## Webhook replay tool
  ## Webhook event catalogue
  ## Webhook timeouts
  ## Webhook ordering guarantees
  ## Webhook testing sandbox
  # Retries
  ## Payment retries
  ## Email retries
  ## Export retries
  ## Import retries
  ## Search retries
  ## Upload retries
  ## Login retries
  ## Queue retries
  ## Report retries
  ## Billing retries
  ## Sync retries
  ## Backup retries
  ## Cache retries
  ## Index retries
  ## Alert retries
`;
const GAPS = '### Gap 1: Webhook Retries\n';

describe('evidence kept per item', () => {
  const result = auditTexts(PLAN, GAPS);
  const [judgement] = result.judgements;
  const fuzzy = judgement.evidence.filter(
    (entry) => entry.rule === 'fuzzy-title',
  );

  it('keeps every accepted section and only the most confident rejected ones', () => {
    const rejected = fuzzy.filter((entry) => !entry.accepted);
    expect(fuzzy.some((entry) => entry.accepted)).toBe(true);
    expect(rejected).toHaveLength(EXPLAINED_CANDIDATES);

    const everything = allFuzzyEvidence();
    const dropped = everything.filter(
      (entry) =>
        !entry.accepted &&
        !rejected.some((kept) => kept.section === entry.section),
    );
    expect(dropped.length).toBeGreaterThan(0);
    const lowestKept = Math.min(...rejected.map((entry) => entry.confidence));
    for (const entry of dropped)
      expect(entry.confidence).toBeLessThanOrEqual(lowestKept);
  });

  it('explains the item as it would with every candidate kept', () => {
    const full = { ...judgement, evidence: allEvidence() };
    const expected = formatExplanation({ ...result, judgements: [full] });
    expect(formatExplanation(result)).toBe(expected);
    expect(expected).toContain('item covered');
  });
});

/** What every rule says before anything is left out. */
function allEvidence() {
  const { engine, index, item } = prepare();
  const terms = engine.termsOf(item);
  return engine.matchers.flatMap((matcher) =>
    matcher.findEvidence(terms, index),
  );
}

function allFuzzyEvidence() {
  return allEvidence().filter((entry) => entry.rule === 'fuzzy-title');
}

function prepare() {
  const result = auditTexts(PLAN, GAPS);
  const engine = new MatchEngine(loadRules([SHIPPED_RULES]));
  const index = new PlanIndex(result.outline, engine.vocabulary);
  return { engine, index, item: result.judgements[0].item };
}
