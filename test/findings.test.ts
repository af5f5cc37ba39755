import { describe, expect, it } from 'vitest';

import { auditTexts, md } from './helpers.js';

function findings(plan: string, gaps: string) {
  return auditTexts(plan, gaps).findings.map(({ kind, file, lines }) => ({
    kind,
    file,
    lines,
  }));
}

describe('findings about the gap list', () => {
  it('merges an item listed twice, names both lines and counts it once', () => {
    const gaps = md`
      ## HIGH PRIORITY
      ### Gap 1: Rate Limiting
      ### Gap 2: Audit Log
      ## LOW PRIORITY
      ### Gap 3: Per-Caller Rate Limits (see Gap 1)
    `;
    const result = auditTexts('# Plan\n## Rate limiting\n', gaps);

    expect(result.judgements.map((judgement) => judgement.item.id)).toEqual([
      'Gap 1',
      'Gap 2',
    ]);
    expect(result.judgements[0].item.alsoListedAt).toEqual([5]);
    expect(result.summary.total).toBe(2);
    expect(findings('# Plan\n', gaps)).toContainEqual({
      kind: 'listed-twice',
      file: 'gapList',
      lines: [2, 5],
    });
  });

  it('notices holes and repeats in id numbering', () => {
    const gaps = md`
      ### Gap 7: Vault
      ### Gap 9: Grafana
      ### Gap 9: Loki
    `;
    expect(findings('# Plan\n', gaps)).toEqual([
      { kind: 'id-repeated', file: 'gapList', lines: [2, 3] },
      { kind: 'id-hole', file: 'gapList', lines: [1, 2] },
    ]);
  });

  it('notices an item whose own priority markers disagree', () => {
    const gaps = md`
      ### Gap 1: Vault 🟡
      **Priority**: 🔴 CRITICAL
    `;
    expect(findings('# Plan\n', gaps)).toEqual([
      { kind: 'conflicting-priority', file: 'gapList', lines: [1] },
    ]);
  });
});

describe('findings about the plan', () => {
  const block = Array.from(
    { length: 20 },
    (_, index) => `step_${index} = run("stage ${index}")`,
  ).join('\n');

  it('notices the same code block pasted into two sections', () => {
    const plan = `# Plan\n## Week 2: Training\n\`\`\`python\n${block}\n\`\`\`\n## Week 5: Serving\n\`\`\`python\n${block}\n\`\`\`\n`;
    expect(findings(plan, '### Gap 1: Vault\n')).toEqual([
      { kind: 'similar-sections', file: 'plan', lines: [2, 25] },
    ]);
  });

  it('reports a body pasted into many sections once, with every place', () => {
    const copies = Array.from(
      { length: 300 },
      (_, index) => `## Week ${index}: Stage\n\`\`\`python\n${block}\n\`\`\`\n`,
    );
    const result = auditTexts(
      `# Plan\n${copies.join('')}`,
      '### Gap 1: Vault\n',
    );
    const similar = result.findings.filter(
      (finding) => finding.kind === 'similar-sections',
    );

    expect(similar).toHaveLength(1);
    expect(similar[0].lines).toHaveLength(300);
    expect(similar[0].lines.slice(0, 3)).toEqual([2, 25, 48]);
    expect(similar[0].message).toMatch(
      /^"Week 0: Stage" and 299 other sections have nearly the same text \(2-24, 25-47, /,
    );
  });

  it('notices one heading written twice', () => {
    const plan =
      '# Plan\n## Model Checkpointing\n## Other\n## 💾 Model checkpointing (1 Hour)\n';
    expect(findings(plan, '### Gap 1: Vault\n')).toEqual([
      { kind: 'same-title', file: 'plan', lines: [2, 4] },
    ]);
  });
});
