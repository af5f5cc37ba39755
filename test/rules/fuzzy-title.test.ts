import { describe, expect, it } from 'vitest';

import { md, ruleSays } from '../helpers.js';

const OUTLINE = md`
  # Plan
  ## Training
  ### Checkpoints: saving the best model each epoch
  ### Data loading
  ## Deployment
  ### Docker Swarm Orchestration
  ## Testing
  ### Integration tests
  ## Webhooks
  ### Retry policy and dead-letter queue
  Failed deliveries are retried with backoff.
  # Appendix F: Future possibility: precise capturing syntax
`;

describe('rule fuzzy-title', () => {
  it('finds "Model Checkpointing" in "Checkpoints: saving the best model each epoch"', () => {
    const says = ruleSays(
      'fuzzy-title',
      OUTLINE,
      '### Gap 1: Model Checkpointing\n',
    );
    expect(says.accepted).toEqual([
      'Checkpoints: saving the best model each epoch',
    ]);
  });

  it('lets the enclosing heading and the opening text fill in words', () => {
    const says = ruleSays(
      'fuzzy-title',
      OUTLINE,
      '### Gap 1: Webhook Delivery Retries\n',
    );
    expect(says.accepted).toEqual(['Retry policy and dead-letter queue']);
  });

  it.each([
    ['Docker Swarm Rolling Updates', 'Docker Swarm Orchestration'],
    ['Unit tests', 'Integration tests'],
  ])('does not accept the near miss "%s" for "%s"', (item) => {
    const says = ruleSays('fuzzy-title', OUTLINE, `### Gap 1: ${item}\n`);
    expect(says.accepted).toEqual([]);
  });
});
