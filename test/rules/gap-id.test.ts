import { describe, expect, it } from 'vitest';

import { ruleSays } from '../helpers.js';

describe('rule gap-id', () => {
  it('accepts a heading that carries the same id, whatever its words', () => {
    const says = ruleSays(
      'gap-id',
      '# Plan\n## Gap 8: Zero-downtime deploys\n',
      '### Gap 8: Docker Swarm Rolling Updates\n',
    );
    expect(says.accepted).toEqual(['Gap 8: Zero-downtime deploys']);
  });

  it('does not take outline numbering or another id for the id', () => {
    const says = ruleSays(
      'gap-id',
      '# Plan\n## 8. Rolling\n## Gap 18: Rolling\n',
      '### Gap 8: Rolling updates\n',
    );
    expect(says.accepted).toEqual([]);
  });
});
