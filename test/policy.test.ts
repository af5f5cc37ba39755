import { describe, expect, it } from 'vitest';

import { parseBaseline } from '../src/gate/baseline.js';
import { evaluatePolicy } from '../src/gate/evaluate.js';
import { DEFAULT_POLICY } from '../src/gate/settings.js';
import { formatJson } from '../src/report/json.js';
import { fixtureContext } from './ci-fixture.js';

/** The fixture's JSON report with some verdicts (by item id) rewritten. */
function baselineWith(verdicts: Record<string, string>, score?: number) {
  const report = JSON.parse(formatJson(fixtureContext()));
  for (const gap of report.gaps) {
    if (verdicts[gap.id]) gap.verdict = verdicts[gap.id];
  }
  if (score !== undefined) report.score = score;
  return parseBaseline('base.json', JSON.stringify(report));
}

function severities(
  policy = DEFAULT_POLICY,
  baseline = null as ReturnType<typeof baselineWith> | null,
) {
  const { result } = fixtureContext();
  const outcome = evaluatePolicy(result, policy, baseline);
  return {
    items: outcome.items.map(
      (item) => `${item.judgement.item.id} ${item.kind} ${item.severity}`,
    ),
    reasons: outcome.reasons,
    exitCode: outcome.exitCode,
  };
}

describe('the policy', () => {
  it('fails by default on missing items and items not removed', () => {
    expect(severities()).toEqual({
      items: [
        'Gap 1 present none',
        'Gap 2 missing error',
        'Gap 3 duplicate warning',
        'Gap 4 partial warning',
        'Gap 5 not-removed error',
      ],
      reasons: ['2 items fail the policy (fail on: missing)'],
      exitCode: 1,
    });
  });

  it('lets a warn gate report a failing kind without failing', () => {
    const gates = {
      ...DEFAULT_POLICY.gates,
      critical: 'warn' as const,
      medium: 'warn' as const,
    };
    const outcome = evaluatePolicy(fixtureContext().result, {
      ...DEFAULT_POLICY,
      gates,
    });

    expect(outcome.exitCode).toBe(0);
    expect(outcome.items[1].waived).toBe('the critical gate only warns');
  });

  it('fails on whatever --fail-on names, and only that', () => {
    const run = severities({ ...DEFAULT_POLICY, failOn: ['duplicate'] });
    expect(run.items.filter((item) => item.endsWith('error'))).toEqual([
      'Gap 3 duplicate error',
    ]);
  });
});

describe('a baseline', () => {
  it('waives what was already as bad, and fails what got worse', () => {
    const run = severities(
      DEFAULT_POLICY,
      baselineWith({ 'Gap 2': 'present' }),
    );

    expect(run.items[1]).toBe('Gap 2 missing error');
    expect(run.items[4]).toBe('Gap 5 not-removed warning');
    expect(run.reasons).toEqual(['1 item fails the policy (fail on: missing)']);
  });

  it('lists a change that is worse but of no failing kind, without failing', () => {
    const { result } = fixtureContext();
    const outcome = evaluatePolicy(
      result,
      DEFAULT_POLICY,
      baselineWith({ 'Gap 3': 'present', 'Gap 2': 'missing' }),
    );

    expect(outcome.baseline?.regressions).toEqual([
      {
        key: 'id:gap-3',
        label: 'Gap 3 Audit Logging',
        before: 'present',
        after: 'duplicate',
      },
    ]);
    expect(outcome.exitCode).toBe(0);
  });

  it('fails when the score dropped, and lists improvements', () => {
    const { result } = fixtureContext();
    const outcome = evaluatePolicy(
      result,
      DEFAULT_POLICY,
      baselineWith({ 'Gap 4': 'missing' }, 60),
    );

    expect(outcome.reasons).toEqual([
      'the score dropped from 60.0 to 54.5 since base.json',
    ]);
    expect(outcome.baseline?.improvements).toEqual([
      {
        key: 'id:gap-4',
        label: 'Gap 4 Caching',
        before: 'missing',
        after: 'partial',
      },
    ]);
  });
});
