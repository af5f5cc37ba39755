import { describe, expect, it } from 'vitest';

import { auditTexts, md } from './helpers.js';

const GAPS = md`
  # Gaps
  ## HIGH PRIORITY
  ### Gap 1: Vault Secrets Management
  ### Gap 2: Model Checkpointing
  ### Gap 3: Health Check Endpoints
  ### Gap 4: Docker Swarm Rolling Updates
  ### Gap 5: Circuit Breaker
`;

function verdicts(plan: string, gaps = GAPS) {
  return auditTexts(plan, gaps).judgements.map((judgement) => ({
    id: judgement.item.id,
    verdict: judgement.verdict,
    lines: judgement.matches.map((match) => [match.startLine, match.endLine]),
  }));
}

describe('verdicts', () => {
  const plan = md`
    # Plan
    ## Contents
    - [Health Check Endpoints](#health)
    ## Week 1
    ### 🔐 Vault Secrets Management (1 Hour)
    Store every token in Vault.
    ### 💾 Model Checkpointing
    #### Model checkpointing details
    ## Week 2
    ### Model Checkpointing (again)
    ### Docker Swarm Orchestration
    Every service gets a circuit breaker around its calls.
    ## Checklist
    - [ ] Add Health Check Endpoints
  `;

  const byId = Object.fromEntries(
    verdicts(plan).map((entry) => [entry.id, entry]),
  );

  it('is present when exactly one section covers the item', () => {
    expect(byId['Gap 1']).toEqual({
      id: 'Gap 1',
      verdict: 'present',
      lines: [[5, 6]],
    });
  });

  it('is duplicate for two separate sections, but not for a parent and its child', () => {
    expect(byId['Gap 2']).toEqual({
      id: 'Gap 2',
      verdict: 'duplicate',
      lines: [
        [7, 8],
        [10, 10],
      ],
    });
  });

  it('is partial when only body text mentions the item', () => {
    expect(byId['Gap 5'].verdict).toBe('partial');
  });

  it('is missing when only a table of contents and a checklist name the item', () => {
    const judgement = auditTexts(plan, GAPS).judgements[2];
    expect(judgement.verdict).toBe('missing');
    expect(
      judgement.references.map((reference) => [reference.line, reference.kind]),
    ).toEqual([
      [3, 'toc'],
      [14, 'checklist'],
    ]);
  });

  it('does not let a near miss cover the item', () => {
    expect(byId['Gap 4']).toEqual({
      id: 'Gap 4',
      verdict: 'missing',
      lines: [],
    });
  });

  it('counts a parent and child with the same title once, keeping the better match', () => {
    const nested = md`
      # Plan
      ## Health Check Endpoints
      ### Health check endpoints: liveness and readiness
      text
    `;
    const result = auditTexts(nested, GAPS).judgements[2];
    expect(result.verdict).toBe('present');
    expect(result.matches.map((match) => match.startLine)).toEqual([2]);
  });

  it('does not make a duplicate out of a checklist entry beside a real section', () => {
    const withChecklist = md`
      # Plan
      ## Health Check Endpoints
      ## Checklist
      - [ ] Add Health Check Endpoints
    `;
    const result = auditTexts(withChecklist, GAPS).judgements[2];
    expect(result.verdict).toBe('present');
    expect(result.references.map((reference) => reference.line)).toEqual([4]);
  });
});

describe('suggestions for missing items', () => {
  it('places a missing item after the section of the item before it in the gap list', () => {
    const plan = md`
      # Plan
      ## Vault Secrets Management
      text
      ## Model Checkpointing
      text

      ## Health Check Endpoints
    `;
    const gaps = md`
      ### Gap 1: Vault Secrets Management
      ### Gap 2: Model Checkpointing
      ### Gap 3: Docker Swarm Rolling Updates
      ### Gap 4: Health Check Endpoints
    `;

    const missing = auditTexts(plan, gaps).judgements[2];
    expect(missing.verdict).toBe('missing');
    expect(missing.suggestion).toEqual({
      afterLine: 6,
      near: {
        title: 'Model Checkpointing',
        startLine: 4,
        endLine: 6,
        item: 'Gap 2 Model Checkpointing',
      },
    });
  });

  it('falls back to the end of the plan when nothing is related', () => {
    const plan = md`
      # Plan
      ## Something else
      text
    `;
    const gaps = '### Gap 1: Vault Secrets Management\n';
    const suggestion = auditTexts(plan, gaps).judgements[0].suggestion;
    expect(suggestion?.afterLine).toBe(3);
  });
});

describe('removal checks', () => {
  const gaps = md`
    ## Remove
    ### Gap 9: Ray Serve
    ### Gap 10: ~~Legacy SOAP API~~
  `;

  it('passes when the plan has no section for the item and fails when it still has one', () => {
    const plan = md`
      # Plan
      We dropped Ray Serve for vLLM.
      ## Legacy SOAP API
    `;
    const result = auditTexts(plan, gaps).judgements.map((judgement) => [
      judgement.item.title,
      judgement.item.remove,
      judgement.passed,
    ]);
    expect(result).toEqual([
      ['Ray Serve', true, true],
      ['Legacy SOAP API', true, false],
    ]);
  });

  it('fails on a section that keeps the item under another name, not on a near miss', () => {
    const plan = md`
      # Plan
      ## Current state: Docker Swarm Orchestration
      ## Integrations
      ### SOAP compatibility layer (kept for two partners)
      Two partners still call the v1 SOAP API; a thin layer maps it onto v2.
    `;
    const removals = md`
      ## Not needed
      1. Docker Swarm rolling updates
      2. Legacy SOAP API
    `;
    const passed = auditTexts(plan, removals).judgements.map((judgement) => [
      judgement.item.title,
      judgement.passed,
    ]);
    expect(passed).toEqual([
      ['Docker Swarm rolling updates', true],
      ['Legacy SOAP API', false],
    ]);
  });
});
