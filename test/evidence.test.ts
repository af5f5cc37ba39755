import { describe, expect, it } from 'vitest';

import { keepExplainable } from '../src/match/kind.js';
import { EXPLAINED_CANDIDATES } from '../src/model.js';
import { formatExplanation } from '../src/report/explain.js';
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

  it('keeps every accepted section and the most confident rejected ones', () => {
    const fuzzy = judgement.evidence.filter(
      (entry) => entry.rule === 'fuzzy-title',
    );
    expect(fuzzy.filter((entry) => entry.accepted)).toHaveLength(1);
    // Twelve headings are rejected; six are kept.
    expect(fuzzy.filter((entry) => !entry.accepted)).toHaveLength(
      EXPLAINED_CANDIDATES,
    );
  });

  it('explains the item as it did when every candidate was kept', () => {
    // Recorded with the build before rejected evidence was left out.
    expect(formatExplanation(result).split('\n')).toEqual([
      '',
      'Gap 1 Webhook Retries  (gaps.md:1, medium from default, found as id-heading)  → present',
      '  accepted exact-title   1.00  plan.md:2-2 "Webhook retries"  same normalised title',
      '  accepted fuzzy-title   0.90  plan.md:2-2 "Webhook retries"  item covered 1; by the heading itself 1; heading explained 1',
      '  rejected fuzzy-title   0.37  plan.md:12-12 "Webhook timeouts"  item covered 0.59 < 0.6; by the heading itself 0.59; heading explained 0.22; not found: retri',
      '  rejected fuzzy-title   0.35  plan.md:3-3 "Webhook signing keys"  item covered 0.59 < 0.6; by the heading itself 0.59; heading explained 0.12 < 0.15; not found: retri',
      '  rejected fuzzy-title   0.35  plan.md:4-4 "Webhook delivery dashboard"  item covered 0.59 < 0.6; by the heading itself 0.59; heading explained 0.13 < 0.15; not found: retri',
      '  rejected fuzzy-title   0.35  plan.md:6-6 "Webhook rate limits"  item covered 0.59 < 0.6; by the heading itself 0.59; heading explained 0.12 < 0.15; not found: retri',
      '',
    ]);
  });
});

describe('keepExplainable', () => {
  const entry = (name: string, accepted: boolean | null, confidence = 0) => ({
    name,
    figures: accepted === null ? null : { accepted, confidence },
  });
  const names = (entries: { name: string }[]) =>
    entries.map((kept) => kept.name);

  it('keeps everything while few are rejected', () => {
    const entries = [entry('a', false, 0.1), entry('b', true, 0.9)];
    expect(keepExplainable(entries, (kept) => kept.figures)).toBe(entries);
  });

  it('keeps accepted and unjudged entries, the surest rejected ones and the order', () => {
    const entries = [
      entry('low', false, 0.1),
      entry('mention', null),
      ...[1, 2, 3, 4, 5, 6].map((n) => entry(`tie${n}`, false, 0.5)),
      entry('accepted', true, 0.2),
      entry('high', false, 0.8),
    ];
    expect(names(keepExplainable(entries, (kept) => kept.figures))).toEqual([
      'mention',
      'tie1',
      'tie2',
      'tie3',
      'tie4',
      'tie5',
      'accepted',
      'high',
    ]);
  });
});
