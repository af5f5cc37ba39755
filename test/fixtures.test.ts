import { describe, expect, it } from 'vitest';

import { audit } from '../src/audit.js';
import { readSourceFile } from '../src/input/read.js';
import { SHIPPED_RULES } from '../src/meta.js';
import { loadRules } from '../src/rules/load.js';
import { runCli } from './helpers.js';

/**
 * The case plan-audit was born from: a 3,269-line plan and its gap list,
 * where a hand-made comparison cited wrong lines and missed a duplicate.
 * fixtures/README.md gives the correct audit line by line.
 */
const PLAN = 'fixtures/masterplan7.md';
const VARIANT = 'fixtures/masterplan7-without-rolling-updates.md';
const GAPS = 'fixtures/whatmissintotal.md';

const audits = new Map<string, ReturnType<typeof audit>>();

/** Each plan is audited once; the tests only read the result. */
function auditFiles(plan: string) {
  if (!audits.has(plan)) {
    audits.set(
      plan,
      audit(
        readSourceFile(plan),
        readSourceFile(GAPS),
        loadRules([SHIPPED_RULES]),
      ),
    );
  }
  return audits.get(plan) as ReturnType<typeof audit>;
}

function ranges(plan: string) {
  return Object.fromEntries(
    auditFiles(plan).judgements.map((judgement) => [
      judgement.item.id,
      `${judgement.verdict} ${judgement.matches.map((match) => `${match.startLine}-${match.endLine}`).join(' ')}`.trim(),
    ]),
  );
}

describe('masterplan7 against whatmissintotal', () => {
  it('finds every gap at the lines the plan really has', () => {
    expect(ranges(PLAN)).toEqual({
      'Gap 1': 'present 1944-2064',
      'Gap 2': 'present 2068-2207',
      'Gap 3': 'present 2210-2271',
      'Gap 4': 'present 2276-2348',
      'Gap 5': 'present 2352-2414',
      'Gap 6': 'present 2418-2483',
      'Gap 7': 'present 2489-2536',
      'Gap 8': 'present 2537-2575',
      'Gap 9': 'present 2576-2639',
      'Gap 10': 'present 2643-2727',
      'Gap 11': 'duplicate 721-807 2731-2808',
      'Gap 12': 'present 2812-2917',
      'Gap 13': 'present 2921-2999',
      'Gap 14': 'present 3003-3151',
      'Gap 15': 'partial',
    });
  });

  it('reads ids, priorities and estimates from the decorated headings', () => {
    const items = auditFiles(PLAN).judgements.map(({ item }) => [
      item.id,
      item.line,
      item.priority,
      item.estimate,
    ]);
    expect(items.slice(0, 9)).toEqual([
      ['Gap 1', 11, 'critical', '3 Hours'],
      ['Gap 2', 20, 'critical', '2 Hours'],
      ['Gap 3', 29, 'critical', '2 Hours'],
      ['Gap 4', 80, 'high', '1.5 Hours'],
      ['Gap 5', 89, 'high', '2 Hours'],
      ['Gap 6', 98, 'high', '1 Hour'],
      ['Gap 7', 109, 'high', '3 Hours'],
      ['Gap 8', 120, 'medium', '30 Minutes'],
      ['Gap 9', 133, 'medium', '1 Hour'],
    ]);
  });

  it('lists the closing checklist line as a reference, not a second section', () => {
    const health = auditFiles(PLAN).judgements.find(
      (judgement) => judgement.item.id === 'Gap 13',
    );
    expect(health?.verdict).toBe('present');
    expect(health?.references).toContainEqual(
      expect.objectContaining({
        line: 3238,
        kind: 'checklist',
        text: 'Add Health Check Endpoints',
      }),
    );
  });

  it('passes the removal check for Ray Serve, which the plan only mentions in passing', () => {
    const ray = auditFiles(PLAN).judgements.find(
      (judgement) => judgement.item.id === 'Gap 15',
    );
    expect([ray?.item.remove, ray?.passed]).toEqual([true, true]);
  });

  it('scores 100 with every gap covered', () => {
    expect(auditFiles(PLAN).score.value).toBe(100);
  });
});

describe('the variant without rolling updates', () => {
  it('calls Gap 8 missing, not partial, and suggests the end of Gap 7', () => {
    const gap8 = auditFiles(VARIANT).judgements.find(
      (judgement) => judgement.item.id === 'Gap 8',
    );
    expect(gap8?.verdict).toBe('missing');
    expect(gap8?.suggestion).toEqual({
      afterLine: 2536,
      near: expect.objectContaining({
        startLine: 2489,
        endLine: 2536,
        item: 'Gap 7 Docker Swarm Orchestration',
      }),
    });
  });

  it('keeps every other range and scores 95.9', () => {
    const { 'Gap 8': gap8, ...others } = ranges(VARIANT);
    const { 'Gap 8': _, ...expected } = ranges(PLAN);
    expect(gap8).toBe('missing');
    expect(others).toEqual(expected);
    expect(auditFiles(VARIANT).score.value).toBe(95.9);
  });

  it('prints this report and exits 1', async () => {
    const run = await runCli([VARIANT, GAPS, '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchSnapshot();
  });
});
