import { describe, expect, it } from 'vitest';

import { ruleSays } from '../helpers.js';

describe('rule alias', () => {
  it.each([
    ['K8s Secrets', 'Kubernetes secrets'],
    ['CI/CD Pipeline', 'Continuous integration & delivery pipeline'],
    ['W&B Logging', 'Weights & Biases logging'],
    ['Experiment tracking (W&B)', 'W&B'],
    ['Sandbox for merchants', 'Merchant sandbox'],
  ])('reads "%s" and "%s" as the same title', (item, heading) => {
    const says = ruleSays(
      'alias',
      `# Plan\n## ${heading}\n`,
      `### Gap 1: ${item}\n`,
    );
    expect(says.accepted).toEqual([heading]);
  });

  it('does not stretch a synonym over a different topic', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Kubernetes upgrades\n',
        '### Gap 1: K8s Secrets\n',
      ).accepted,
    ).toEqual([]);
  });
});
