import { describe, expect, it } from 'vitest';

import { buildFix } from '../../src/fix/build.js';
import { lineAfterBlocks } from '../../src/fix/place.js';
import { selectItems } from '../../src/fix/select.js';
import { DEFAULT_STUB_TEMPLATE } from '../../src/fix/template.js';
import { parseMarkdown } from '../../src/input/parse.js';
import { sourceFromText } from '../../src/input/read.js';
import { SHIPPED_RULES } from '../../src/meta.js';
import { loadRules } from '../../src/rules/load.js';
import { auditTexts, md } from '../helpers.js';

const RULES = loadRules([SHIPPED_RULES]);

function fixTexts(
  plan: string,
  gaps: string,
  template = DEFAULT_STUB_TEMPLATE,
) {
  const result = auditTexts(plan, gaps);
  const { chosen } = selectItems(result.judgements, result.gapList);
  return buildFix({ result, chosen, template, rules: RULES });
}

function missingAfter(plan: string, gaps: string): string[] {
  return auditTexts(plan, gaps)
    .judgements.filter(
      (judgement) => judgement.verdict === 'missing' && !judgement.item.remove,
    )
    .map((judgement) => judgement.item.id ?? judgement.item.title);
}

const GAPS = md`
  # Gaps

  ### Gap 6: Progressive Deployment (3 Hours)

  **Missing**: Rolling updates with a canary step.

  ### Gap 7: Rollback Plan (1 Hour)

  **Missing**: Who decides to roll back.

  ### Gap 8: Distributed Tracing (2 Hours)

  **Missing**: OpenTelemetry spans across gateway, API and worker.
  **Impact**: Slow requests cannot be followed.
`;

const PLAN = md`
  # Orders service plan

  ## 1. Delivery

  ### Progressive deployment

  Canary first, then the rest.

  ### Rollback plan

  The on-call engineer decides.

  ## 2. Operations

  Dashboards and alerts.
`;

describe('buildFix', () => {
  it('adds the missing item after its neighbour, at the neighbour depth', () => {
    const outcome = fixTexts(PLAN, GAPS);

    expect(outcome.text).toBe(
      PLAN.replace(
        'The on-call engineer decides.\n\n',
        [
          'The on-call engineer decides.',
          '',
          '### Gap 8: Distributed Tracing (2 Hours)',
          '',
          '**Missing**: OpenTelemetry spans across gateway, API and worker.',
          '**Impact**: Slow requests cannot be followed.',
          '',
          '> **To write:** plan-audit added this stub from the gap list (gaps.md:11).',
          '> Replace this note with how the plan covers the item.',
          '',
          '',
        ].join('\n'),
      ),
    );
    expect(outcome.stubs.map((stub) => stub.line)).toEqual([13]);
    expect(outcome.leftOut).toEqual([]);
  });

  it('leaves nothing missing, and a second run adds nothing', () => {
    const once = fixTexts(PLAN, GAPS).text;
    expect(missingAfter(once, GAPS)).toEqual([]);

    const twice = fixTexts(once, GAPS);
    expect(twice.stubs).toEqual([]);
    expect(twice.text).toBe(once);
  });

  it('gives a plan under a document title stubs one level below it', () => {
    const plan = md`
      # Plan

      ## Scope

      Only the API.
    `;
    const outcome = fixTexts(plan, GAPS);

    expect(outcome.stubs.map((stub) => stub.lines[0])).toEqual([
      '## Gap 6: Progressive Deployment (3 Hours)',
      '## Gap 7: Rollback Plan (1 Hour)',
      '## Gap 8: Distributed Tracing (2 Hours)',
    ]);
    expect(missingAfter(outcome.text, GAPS)).toEqual([]);
  });

  it('moves past a quote that holds the next heading instead of splitting it', () => {
    const plan = md`
      # Plan

      ## Rollback plan

      Manual.
      > Note from review:
      > ## Appendix inside a quote
      > kept together

      ## Other
    `;
    const outcome = fixTexts(plan, GAPS);
    expect(
      outcome.stubs.map((stub) => [
        stub.judgement.item.id,
        stub.placement.afterLine,
        stub.placement.movedFrom,
      ]),
    ).toEqual([
      ['Gap 6', 8, 6],
      ['Gap 8', 8, 6],
    ]);
    expect(outcome.text).toContain(
      '> kept together\n\n## Gap 6: Progressive Deployment (3 Hours)\n',
    );
    expect(missingAfter(outcome.text, GAPS)).toEqual([]);
  });

  it('leaves out an item whose stub would land in a code block left open', () => {
    const plan = md`
      # Plan

      ## Scope

      ~~~yaml
      replicas: 3
    `;
    const outcome = fixTexts(plan, GAPS);

    expect(outcome.stubs).toEqual([]);
    expect(outcome.text).toBe(plan);
    expect(outcome.leftOut.map((entry) => entry.reason)).toEqual([
      'its heading would land inside a block that is still open after plan line 6',
      'its heading would land inside a block that is still open after plan line 6',
      'its heading would land inside a block that is still open after plan line 6',
    ]);
  });

  describe('an item the other stubs make missing', () => {
    // "Ledger export retention" is named in a sentence; the stub
    // "Ledger reconciliation" makes "ledger" a word of two headings, and
    // the sentence no longer names enough of the item.
    const plan = md`
      # Billing plan

      ## Ledger

      Every charge is booked twice.

      ## Reports

      The ledger export runs nightly for finance.
    `;
    const gaps = md`
      # Gaps

      ### Gap 1: Ledger export retention

      ### Gap 2: Ledger reconciliation
    `;
    const result = auditTexts(plan, gaps);
    const fix = (followNewlyMissing: boolean) =>
      buildFix({
        result,
        chosen: [result.judgements[1]],
        template: DEFAULT_STUB_TEMPLATE,
        rules: RULES,
        followNewlyMissing,
      });

    it('gets a stub too, so nothing is left missing', () => {
      expect(result.judgements.map((judgement) => judgement.verdict)).toEqual([
        'partial',
        'missing',
      ]);
      const outcome = fix(true);

      expect(outcome.stubs.map((stub) => stub.judgement.item.id)).toEqual([
        'Gap 1',
        'Gap 2',
      ]);
      expect(outcome.followed.map((judgement) => judgement.item.id)).toEqual([
        'Gap 1',
      ]);
      expect(missingAfter(outcome.text, gaps)).toEqual([]);
    });

    it('is only reported when the user picked the items', () => {
      const outcome = fix(false);

      expect(outcome.stubs.map((stub) => stub.judgement.item.id)).toEqual([
        'Gap 2',
      ]);
      expect(outcome.sideEffects).toMatchObject([
        { before: 'partial', after: 'missing' },
      ]);
    });
  });

  it('leaves out a stub the audit would not recognise, so no run adds it twice', () => {
    // Without matching rules the second audit finds no stub at all: every
    // item must be left out rather than written.
    const result = auditTexts(PLAN, GAPS);
    const { chosen } = selectItems(result.judgements, result.gapList);
    const outcome = buildFix({
      result,
      chosen,
      template: DEFAULT_STUB_TEMPLATE,
      rules: [],
    });

    expect(outcome.stubs).toEqual([]);
    expect(outcome.text).toBe(PLAN);
    expect(outcome.leftOut.map((entry) => entry.reason)).toEqual([
      'the audit would not find its stub heading "### Gap 8: Distributed Tracing (2 Hours)", ' +
        'so every run would add it again',
    ]);
  });
});

describe('lineAfterBlocks', () => {
  const plan = md`
    # Plan

    \`\`\`sh
    make deploy
    make verify
    \`\`\`

    - one
    - two

    | a | b |
    |---|---|
    | 1 | 2 |

    Last paragraph.
  `;
  const tree = parseMarkdown(sourceFromText('plan.md', plan));

  it.each([
    ['inside a code block', 4, 6],
    ['on its opening fence', 3, 6],
    ['inside a list', 8, 9],
    ['inside a table', 12, 13],
    ['on a blank line', 7, 7],
    ['after a table', 13, 13],
  ])('moves a line %s to the end of the block', (_where, line, expected) => {
    expect(lineAfterBlocks(tree, line)).toBe(expected);
  });
});
