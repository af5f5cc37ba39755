import { describe, expect, it } from 'vitest';

import { auditTexts, md } from './helpers.js';

describe('score', () => {
  const gaps = md`
    ## CRITICAL
    ### Gap 1: Vault Secrets Management
    ## HIGH PRIORITY
    ### Gap 2: Health Check Endpoints
    ## LOW PRIORITY
    ### Gap 3: Model Checkpointing
    ### Gap 4: Dark Mode (Optional)
  `;

  it('weights credits by priority and leaves optional items out', () => {
    // critical present 3 × 1, high partial 2 × 0.5, low missing 0.5 × 0 → 4 / 5.5
    const plan = md`
      # Plan
      ## Vault Secrets Management
      We still need health check endpoints.
    `;
    const { score, summary } = auditTexts(plan, gaps);

    expect(score.value).toBe(72.7);
    expect(score.formula).toBe(
      '100 × Σ weight(priority) × credit(verdict) / Σ weight(priority) = 100 × 4 / 5.5 = 72.7',
    );
    expect(score.byPriority).toEqual([
      { priority: 'critical', weight: 3, items: 1, credit: 1 },
      { priority: 'high', weight: 2, items: 1, credit: 0.5 },
      { priority: 'medium', weight: 1, items: 0, credit: 0 },
      { priority: 'low', weight: 0.5, items: 1, credit: 0 },
    ]);
    expect(summary).toEqual({
      total: 4,
      present: 1,
      partial: 1,
      duplicate: 0,
      missing: 2,
      removed: 0,
      notRemoved: 0,
      optional: 1,
    });
  });

  it('is 100 when every required item is present or duplicate', () => {
    const plan = md`
      # Plan
      ## Vault Secrets Management
      ## Health Check Endpoints
      ## Model Checkpointing
      ## Week 9
      ### Model Checkpointing
    `;
    expect(auditTexts(plan, gaps).score.value).toBe(100);
  });
});
