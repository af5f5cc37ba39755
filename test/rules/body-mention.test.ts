import { describe, expect, it } from 'vitest';

import { auditTexts, md } from '../helpers.js';

const PLAN = md`
  # Plan
  ## Operations
  If the error rate goes above 2%, we roll back with docker service rollback.
  - [ ] Write the graceful shutdown section
  ## Summary
  | Component | Status |
  |---|---|
  | Graceful shutdown | todo |
`;

function mentionKinds(gaps: string) {
  const judgement = auditTexts(PLAN, gaps).judgements[0];
  return {
    verdict: judgement.verdict,
    mentions: judgement.mentions.map((mention) => mention.kind),
    references: judgement.references.map((reference) => reference.kind),
  };
}

describe('rule body-mention', () => {
  it('makes an item partial from prose that names its telling word', () => {
    expect(mentionKinds('### Gap 7: Rollback Plan\n')).toEqual({
      verdict: 'partial',
      mentions: ['prose'],
      references: [],
    });
  });

  it('counts checklists and summary tables as references only', () => {
    expect(mentionKinds('### Gap 14: Graceful Shutdown\n')).toEqual({
      verdict: 'missing',
      mentions: [],
      references: ['checklist', 'summary-table'],
    });
  });

  it('counts a table with a status column as a summary, whatever its section', () => {
    const plan = (column: string) => md`
      # Ranker readiness review
      **Readiness at a glance**

      | Area     | ${column}         |
      |----------|-------------------|
      | Game day | not scheduled yet |
      ## 1. Background
      The ranker scores items for the home feed.
    `;
    const gaps = '* **Has a game day or chaos test been run?**\n';
    const status = auditTexts(plan('Status'), gaps).judgements[0];
    expect(status.verdict).toBe('missing');
    expect(status.references.map((reference) => reference.kind)).toEqual([
      'summary-table',
    ]);
    const notes = auditTexts(plan('Notes'), gaps).judgements[0];
    expect(notes.verdict).toBe('partial');
    expect(notes.mentions.map((mention) => mention.kind)).toEqual(['table']);
  });

  it('lets one part of a coordinated title stand for it, but not a lone participle', () => {
    const plan = md`
      # Ranker plan
      ## Goals
      - Ship a new model version weekly without a code deploy.
      - Abuse controls block a caller that floods the service.
    `;
    const verdict = (gaps: string) =>
      auditTexts(plan, gaps).judgements[0].verdict;
    expect(
      verdict('* **How are configuration changes reviewed and deployed?**\n'),
    ).toBe('missing');
    expect(verdict('* **What rate limits or abuse controls exist?**\n')).toBe(
      'partial',
    );
  });

  it('needs the telling word, not just a common one', () => {
    expect(mentionKinds('### Gap 9: Error Budget\n').verdict).toBe('missing');
  });

  it('does not let the head of a question stand for it when the head drops the telling word', () => {
    const plan = md`
      # Plan
      ## Data
      ### Encryption at rest
      ### Encryption keys
      Password hashes are encrypted with a per-organisation data key.
      ## Network
      All traffic crosses the edge over TLS 1.2 or later.
    `;
    const judgement = auditTexts(
      plan,
      '* **How is data encrypted in transit?**\n',
    ).judgements[0];
    // Line 5 shares only "encrypted"; line 7 names TLS, encryption in transit.
    expect(judgement.mentions.map((mention) => mention.line)).toEqual([7]);
  });

  describe('two of three words', () => {
    const verdictFor = (sentence: string) =>
      auditTexts(
        md`
          # Trip expenses app
          ## 9. Release plan
          ${sentence}
          ## 10. Support
          Questions go to the in-app chat.
        `,
        '## P1\n1. Product analytics events\n',
      ).judgements[0].verdict;

    it('makes a three-word item partial from text naming two of its words together', () => {
      expect(
        verdictFor(
          'The rest of the analytics event list is still to be written.',
        ),
      ).toBe('partial');
    });

    it('does not count one of its three words', () => {
      expect(
        verdictFor('Success is read from the existing expense_added events.'),
      ).toBe('missing');
    });
  });

  describe('a stated retention', () => {
    const verdictFor = (sentence: string) =>
      auditTexts(
        md`
          # Ranker service
          ## 5. Shipping a new model
          ${sentence}
          ## 6. Dashboards
          Latency and error rate per region.
        `,
        md`
          # Readiness review
          ## Data
          * **What personal data reaches the service, and how long are logs kept?**
          * **Where are secrets stored?**
        `,
      ).judgements[0].verdict;

    it('reads "kept for 14 days" as the retention a "how long" question asks for', () => {
      expect(
        verdictFor(
          'Shadow scores are logged with a hashed user id and kept for 14 days.',
        ),
      ).toBe('partial');
    });

    it('reads "kept for at least seven years" as a retention too', () => {
      expect(
        verdictFor(
          'Shadow scores are logged with a hashed user id and kept for at least seven years.',
        ),
      ).toBe('partial');
    });

    it('does not read "kept" without a span of time as a retention', () => {
      expect(
        verdictFor(
          'Shadow scores are logged with a hashed user id and kept apart.',
        ),
      ).toBe('missing');
    });
  });

  describe('by the description', () => {
    const TEMPLATE = (description: string) => md`
      # RFC template
      ## Summary
      One paragraph.
      ## Performance Impact (Optional)
      ${description}
    `;
    const PLAN_TEXT = md`
      # RFC: capture clauses
      ## Summary
      Closures name what they capture.
      ## Desugaring
      The closure keeps today's layout, so there is no run-time cost.
    `;
    const judge = (plan: string, description: string) =>
      auditTexts(plan, TEMPLATE(description)).judgements[1];

    it('finds a sentence that names what a short description asks for', () => {
      const judgement = judge(PLAN_TEXT, 'Run-time and compile-time cost.');
      expect(judgement.verdict).toBe('partial');
      expect(judgement.mentions.map((mention) => mention.line)).toEqual([5]);
    });

    it('takes no description whose telling words are common in the plan', () => {
      // "queue" and "backlog" are in five paragraphs: a description made of
      // them names nothing in particular, and would be found all over.
      const paragraphs = Array.from(
        { length: 5 },
        (_, index) => `Step ${index + 1} drains the queue backlog quickly.\n`,
      ).join('\n');
      const plan =
        md`
        # RFC: capture clauses
        ## Summary
        Closures name what they capture.
        ## Rollout
      ` + `\n${paragraphs}`;
      const judgement = judge(plan, 'Queue backlog drained quickly.');
      expect(judgement.mentions).toEqual([]);
    });

    it('counts a checklist item that echoes the description as a reference only', () => {
      const plan = PLAN_TEXT.replace(
        'The closure keeps',
        '- [ ] Measure the run-time cost\n\nThe closure keeps',
      ).replace('so there is no run-time cost', 'so nothing changes');
      const judgement = judge(plan, 'Run-time and compile-time cost.');
      expect(judgement.verdict).toBe('missing');
      expect(judgement.references.map((reference) => reference.kind)).toEqual([
        'checklist',
      ]);
    });

    it("reads what follows the item's own title on its line as its description", () => {
      const plan = md`
        # Metrics migration
        ## Cut-over
        Dashboards switch team by team.

        If the new queries are wrong we point the dashboards back at Graphite.
        ## Costs
        Under $50 a month.
      `;
      const gaps = (line: string) => `## Blocking\n\n* ${line}\n* **Costs**\n`;
      const own = auditTexts(
        plan,
        gaps(
          '**Rollback plan**: how do we go back to Graphite if the new queries are wrong?',
        ),
      ).judgements[0];
      expect(own.verdict).toBe('partial');
      expect(own.mentions.map((mention) => mention.line)).toEqual([5]);

      const state = auditTexts(
        plan,
        gaps(
          '**Rollback plan**\n  **Current state**: we go back to Graphite if queries are wrong.',
        ),
      ).judgements[0];
      expect(state.verdict).toBe('missing');
    });

    it('does not read a long description as a title', () => {
      const long =
        'Run-time cost, compile-time cost, binary size, memory use, cache ' +
        'misses, allocation counts, start-up latency and benchmark results.';
      expect(judge(PLAN_TEXT, long).verdict).toBe('missing');
    });
  });
});
