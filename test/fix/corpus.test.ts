import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { audit } from '../../src/audit.js';
import { buildFix } from '../../src/fix/build.js';
import { selectItems } from '../../src/fix/select.js';
import { DEFAULT_STUB_TEMPLATE } from '../../src/fix/template.js';
import { sourceFromText } from '../../src/input/read.js';
import { SHIPPED_RULES } from '../../src/meta.js';
import { loadRules } from '../../src/rules/load.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const RULES = loadRules([SHIPPED_RULES]);

/** Every folder that holds a plan and its gap list. */
const pairs = ['dev', 'holdout'].flatMap((set) =>
  readdirSync(join(CORPUS, set), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(CORPUS, set, entry.name)),
);

function fixOnce(planText: string, gapText: string) {
  const result = audit(
    sourceFromText('plan.md', planText),
    sourceFromText('gaps.md', gapText),
    RULES,
  );
  const { chosen } = selectItems(result.judgements, result.gapList);
  return {
    result,
    outcome: buildFix({
      result,
      chosen,
      template: DEFAULT_STUB_TEMPLATE,
      rules: RULES,
      followNewlyMissing: true,
    }),
  };
}

describe.each(pairs)('fix on the corpus pair %s', (folder) => {
  const plan = readFileSync(join(folder, 'plan.md'), 'utf8');
  const gaps = readFileSync(join(folder, 'gaps.md'), 'utf8');

  it('leaves no required item missing, and a second run adds nothing', () => {
    const first = fixOnce(plan, gaps);
    expect(first.outcome.leftOut).toEqual([]);

    const second = fixOnce(first.outcome.text, gaps);
    const stillMissing = second.result.judgements.filter(
      (judgement) =>
        judgement.verdict === 'missing' &&
        !judgement.item.remove &&
        !judgement.item.optional,
    );
    expect(stillMissing.map((judgement) => judgement.item.title)).toEqual([]);
    expect(second.outcome.text).toBe(first.outcome.text);
  });
});

describe('fix on the masterplan7 fixture without rolling updates', () => {
  const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
  const plan = readFileSync(
    join(fixtures, 'masterplan7-without-rolling-updates.md'),
    'utf8',
  );
  const gaps = readFileSync(join(fixtures, 'whatmissintotal.md'), 'utf8');

  it('adds Gap 8 right after the section of Gap 7 and nothing else', () => {
    const { outcome } = fixOnce(plan, gaps);

    expect(
      outcome.stubs.map((stub) => [stub.lines[0], stub.placement.afterLine]),
    ).toEqual([['### Gap 8: Docker Swarm Rolling Updates (30 Minutes)', 2536]]);

    const second = fixOnce(outcome.text, gaps);
    const gap8 = second.result.judgements.find(
      (judgement) => judgement.item.id === 'Gap 8',
    );
    expect(gap8?.verdict).toBe('present');
    expect(second.outcome.stubs).toEqual([]);
  });
});
