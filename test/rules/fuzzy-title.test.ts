import { describe, expect, it } from 'vitest';

import { auditTexts, md, ruleSays } from '../helpers.js';

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
    [
      'Future possibilities',
      'Appendix F: Future possibility: precise capturing syntax',
    ],
  ])('does not accept the near miss "%s" for "%s"', (item) => {
    const says = ruleSays('fuzzy-title', OUTLINE, `### Gap 1: ${item}\n`);
    expect(says.accepted).toEqual([]);
  });

  it('takes no word from opening text that says the thing is going away', () => {
    const plan = (sentence: string) => md`
      # Winter operations plan
      ## 8.2 Gateway monitoring
      ${sentence}
      ## 8.3 Rota
      Two dispatchers per storm.
    `;
    expect(
      ruleSays(
        'fuzzy-title',
        plan('The fax line runs through it.'),
        '### Gap 1: Fax gateway\n',
      ).accepted,
    ).toEqual(['8.2 Gateway monitoring']);
    expect(
      ruleSays(
        'fuzzy-title',
        plan('The fax line was switched off in May.'),
        '### Gap 1: Fax gateway\n',
      ).accepted,
    ).toEqual([]);
  });

  describe('a heading that asks why', () => {
    const PLAN = (heading: string) => md`
      # Auto-borrow enhancement proposal
      ## ${heading}
      Patrons miss holds they never collect.
      ## Proposal
      Borrow the e-book when the hold fills.
    `;

    it('gives the motivation a template asks for', () => {
      const says = ruleSays(
        'fuzzy-title',
        PLAN('Why auto-borrow'),
        '## Motivation\n## Summary\n',
      );
      expect(says.accepted).toEqual(['Why auto-borrow']);
    });

    it('is no motivation when it argues a design', () => {
      const says = ruleSays(
        'fuzzy-title',
        PLAN('Why this design? (Alternatives considered)'),
        '## Motivation\n## Summary\n',
      );
      expect(says.accepted).toEqual([]);
    });
  });

  describe('a noun of connection at the end of a title', () => {
    const PLAN = md`
      # Crew rostering plan
      ## 4. Payroll export
      Duty hours go to payroll every month.
      ## 5. Booking API
      The booking API takes hotel reservations.
    `;

    it('is set aside: the integration is about what it connects', () => {
      const says = ruleSays(
        'fuzzy-title',
        PLAN,
        '### Gap 1: Payroll Integration\n',
      );
      expect(says.accepted).toEqual(['4. Payroll export']);
    });

    it('still says which tests integration tests are', () => {
      const result = auditTexts(
        PLAN,
        '### Gap 1: Integration tests for the booking API\n',
      );
      expect(result.judgements[0].verdict).toBe('missing');
    });
  });

  describe('one part of a coordinated title', () => {
    const PLAN = md`
      # Crew rostering decisions
      ## ADR-010: Train the cost weights on past rosters
      Planners' edits to past rosters tune the solver's cost weights.
      ## Rationale and options
      ### Alternatives considered
      A greedy builder was tried first.
    `;

    it('is no match under a heading that shares it and is about more', () => {
      const says = ruleSays(
        'fuzzy-title',
        PLAN,
        '### Gap 1: Training and qualification currency\n',
      );
      expect(says.accepted).toEqual([]);
      expect(says.rejected).toContain(
        'ADR-010: Train the cost weights on past rosters',
      );
    });

    it('is a match under a heading about that part alone', () => {
      const says = ruleSays(
        'fuzzy-title',
        PLAN,
        '### Gap 1: Benchmarks and alternatives\n',
      );
      expect(says.accepted).toEqual(['Alternatives considered']);
    });
  });

  it('still takes a "Topic: detail" heading for its topic when the number agrees', () => {
    const says = ruleSays(
      'fuzzy-title',
      md`
        # Plan
        ## Metrics: macro-F1 and per-queue recall
      `,
      '### Gap 1: Metrics\n',
    );
    expect(says.accepted).toEqual(['Metrics: macro-F1 and per-queue recall']);
  });

  it('lets "verifying" meet "verification" although Porter stems them apart', () => {
    const says = ruleSays(
      'fuzzy-title',
      md`
        # Plan
        ## Webhooks
        ### Verifying webhooks with an HMAC
      `,
      '### Gap 1: Webhook verification\n',
    );
    expect(says.accepted).toEqual(['Verifying webhooks with an HMAC']);
  });

  it('lets British and American spellings meet', () => {
    const says = ruleSays(
      'fuzzy-title',
      md`
        # Plan
        ## Privacy
        ### Organization-wide minimization of stored fields
      `,
      '### Gap 1: Organisation-wide data minimisation\n',
    );
    expect(says.accepted).toEqual([
      'Organization-wide minimization of stored fields',
    ]);
  });

  it('counts the words of the document title as generic: every section is about them', () => {
    const plan = md`
      # Payments v3: Technical Plan
      ## Checkout API
      ### Idempotency
      ## Ledger
    `;
    const says = ruleSays(
      'fuzzy-title',
      plan,
      '### Gap 1: Idempotent payment API\n',
    );
    expect(says.accepted).toEqual(['Idempotency']);

    const withoutTitle = plan.replace('# Payments v3: Technical Plan\n', '');
    expect(
      ruleSays(
        'fuzzy-title',
        withoutTitle,
        '### Gap 1: Idempotent payment API\n',
      ).accepted,
    ).toEqual([]);
  });

  it('ignores prepositions: "before the cutover" is about the cutover', () => {
    const says = ruleSays(
      'fuzzy-title',
      md`
        # Plan
        ## Migration
        ### Pre-cutover load test
        ### Cutover by weighted DNS
        ### Rollback plan for the cutover
        ## Checklist before review
      `,
      '### Gap 1: Load test the cluster before the cutover\n',
    );
    expect(says.accepted).toEqual(['Pre-cutover load test']);
  });

  it('does not take opening words that put the topic off as evidence for it', () => {
    const plan = (sentence: string) => md`
      # Plan
      ## API
      ### Listing orders
      \`GET /v2/orders\` returns the newest orders first, at most 100; ${sentence}
    `;
    const item = '### Gap 1: Pagination for List Endpoints\n';

    const deferred = plan('cursor pagination is planned but not designed yet.');
    expect(ruleSays('fuzzy-title', deferred, item).accepted).toEqual([]);

    const designed = plan('cursor pagination uses an opaque next token.');
    expect(ruleSays('fuzzy-title', designed, item).accepted).toEqual([
      'Listing orders',
    ]);
  });

  describe('an "as" phrase gives the role of the subject', () => {
    const GAPS = '## REQ-01 Design tokens as the single source of truth\n';
    const plan = (heading: string) => md`
      # Aurora UI 2.0 — Project Plan
      ## 2. ${heading}
      Colours, spacing and type are defined once in JSON.
      ## 3. Architecture
      ### 3.1 Packages
    `;

    it('finds the subject under a heading that names it', () => {
      expect(
        ruleSays(
          'fuzzy-title',
          plan('Tokens pipeline (Style Dictionary)'),
          GAPS,
        ).accepted,
      ).toEqual(['2. Tokens pipeline (Style Dictionary)']);
    });

    it('does not find it under a heading that names neither subject nor role', () => {
      expect(
        ruleSays('fuzzy-title', plan('Style Dictionary pipeline'), GAPS)
          .accepted,
      ).toEqual([]);
    });
  });

  describe('one part of a coordinated title', () => {
    it('finds a heading that carries one part when none carries the whole', () => {
      const plan = md`
        # Ranker service design
        ## 5. Models
        ### 5.1 Registry and artifact storage
        Weights are kept in the model registry.
        ### 5.2 Prediction lineage
        Every score is logged with its model version.
      `;
      const gaps =
        '## P1\n1. Where are model artifacts stored, and are they backed up?\n';
      expect(ruleSays('fuzzy-title', plan, gaps).accepted).toEqual([
        '5.1 Registry and artifact storage',
      ]);
      expect(auditTexts(plan, gaps).judgements[0].verdict).toBe('present');
    });

    it('takes no part that only says what is true of another part', () => {
      // "still downloadable" says something of "they", the superseded
      // versions; alone it would make any heading about downloads the
      // section of the item.
      const plan = md`
        # Open data portal
        ## 4. Releases
        A new release replaces the files of a dataset.
        ## Appendix B: Counting downloads
        A nightly job counts downloads per file.
      `;
      const gaps = md`
        # Review
        * **What happens to superseded versions — are they archived and still downloadable?**
      `;
      expect(ruleSays('fuzzy-title', plan, gaps).accepted).toEqual([]);
      expect(auditTexts(plan, gaps).judgements[0].verdict).not.toBe('present');
    });

    it('still takes a part that names a topic of its own', () => {
      const plan = md`
        # Open data portal
        ## 4. Releases
        A new release replaces the files of a dataset.
        ## 5. Download statistics
        A nightly job counts downloads per file.
      `;
      const gaps = md`
        # Review
        * **Are old releases archived, and are download statistics kept?**
      `;
      expect(ruleSays('fuzzy-title', plan, gaps).accepted).toEqual([
        '5. Download statistics',
      ]);
    });

    it('takes no object of the first part for a topic of its own', () => {
      // "study" is a second object of "restricted by", not a topic: the
      // study build is no section about access.
      const plan = md`
        # EDC design
        ## 4. Study build
        Forms are versioned definitions.
        ## 5. Hosting
        Two zones.
      `;
      const gaps = '## P1\n1. Role-based access restricted by site and study\n';
      expect(ruleSays('fuzzy-title', plan, gaps).accepted).toEqual([]);
    });

    it('still takes a part that opens a clause of its own', () => {
      const plan = md`
        # Storage design
        ## 5. Key custody
        The security team holds the encryption keys.
        ## 6. Hosting
        Two zones.
      `;
      const gaps =
        '## P1\n1. Where is data encrypted at rest, and who holds the keys?\n';
      expect(ruleSays('fuzzy-title', plan, gaps).accepted).toEqual([
        '5. Key custody',
      ]);
    });

    it('adds no second place beside a heading that carries the whole title', () => {
      const plan = md`
        # Webhook delivery
        ## 3. Retries and timeouts
        Five attempts with backoff, ten seconds each.
        ## 4. Timeouts of the admin API
        Thirty seconds.
      `;
      const judgement = auditTexts(plan, '## P1\n1. Retries and timeouts\n')
        .judgements[0];
      expect(judgement.verdict).toBe('present');
      expect(judgement.matches.map((match) => match.title)).toEqual([
        '3. Retries and timeouts',
      ]);
    });

    it('takes the section of the alternatives, not one alternative', () => {
      const plan = md`
        # RFC: capture clauses
        # Why this design? (Alternatives considered)
        ## Alternative A: leave inference alone, improve diagnostics
        Better error messages help with the first problem.
        ## Alternative B: a lint instead of syntax
        A lint cannot change what is captured.
        # Implementation plan
      `;
      const judgement = auditTexts(
        plan,
        '## Rationale and Alternatives\n\nWhy this design?\n',
      ).judgements[0];
      expect(judgement.matches.map((match) => match.title)).toEqual([
        'Why this design? (Alternatives considered)',
      ]);
    });
  });

  describe('"how often" asks for a frequency', () => {
    const plan = md`
      # Open data portal
      ## 5. Refresh cadence
      Each dataset has a refresh frequency in its record: daily, weekly or
      monthly.
      ## 6. Licence
      CC BY 4.0.
    `;
    const verdict = (item: string) =>
      auditTexts(plan, `## Data\n\n* **${item}**\n* **Who owns it?**\n`)
        .judgements[0].verdict;

    it('finds the refresh frequency of "how often is each dataset refreshed?"', () => {
      expect(verdict('How often is each dataset refreshed?')).toBe('present');
    });

    it('reads no frequency into "often" alone', () => {
      expect(verdict('Which datasets are often refreshed late?')).toBe(
        'missing',
      );
    });
  });

  describe('"how long … kept" is a retention', () => {
    const plan = (heading: string) => md`
      # Helpdesk privacy plan
      ## 4. Storage
      ### 4.3 ${heading}
      Closed tickets are hard-deleted after 24 months.
      ## Appendix A: Retention schedule
      | Data | Kept for |
      |---|---|
      | Tickets | 24 months |
    `;

    it('reads a heading that says how long things are kept as a retention section', () => {
      const judgement = auditTexts(
        plan('How long we keep things'),
        '## P1\n1. Retention schedule\n',
      ).judgements[0];
      expect(judgement.verdict).toBe('duplicate');
    });

    it('reads a question how long data is kept as asking for its retention', () => {
      const judgement = auditTexts(
        plan('Ticket storage'),
        '## P1\n1. How long is data kept?\n',
      ).judgements[0];
      expect(judgement.matches.map((match) => match.title)).toEqual([
        'Appendix A: Retention schedule',
      ]);
    });

    it('leaves other "how long" headings alone', () => {
      const judgement = auditTexts(
        plan('How long the export takes'),
        '## P1\n1. Retention schedule\n',
      ).judgements[0];
      expect(judgement.verdict).toBe('present');
    });
  });

  describe('"proposed" is a word of status', () => {
    const plan = md`
      # RFC 0231: Move notification jobs to a Postgres queue
      ## Alternatives considered
      ### A. Keep Redis
      ## Design: a jobs table claimed with SKIP LOCKED
      Workers claim jobs in batches.
      ## Rollout tasks
    `;

    it('finds "Proposed Design" under the design heading', () => {
      expect(
        ruleSays('fuzzy-title', plan, '## 7. Proposed Design\n').accepted,
      ).toEqual(['Design: a jobs table claimed with SKIP LOCKED']);
    });

    it('does not let it match another proposal through the word alone', () => {
      const proposals = md`
        # Pricing RFC
        ## Proposed pricing
        Two tiers.
        ## Rollout tasks
      `;
      expect(
        ruleSays('fuzzy-title', proposals, '## 7. Proposed Design\n').accepted,
      ).toEqual([]);
    });
  });

  describe('a clause of a question that the matching heading does not carry', () => {
    const retention = md`
      # Share links: security review
      ## 4. Data
      ### 4.3 Link expiry and deletion
      Expired links are hard-deleted 30 days later.
      ## 7. Retention schedule
      | Data | Kept for |
      |---|---|
      | links | until expiry, then deleted |
    `;

    it('makes a heading that carries the other clause a second place', () => {
      const judgement = auditTexts(
        retention,
        '## Data\n\n* **How long is data kept, and how is it deleted?**\n* **Who can read it?**\n',
      ).judgements[0];
      expect(judgement.verdict).toBe('duplicate');
      expect(judgement.matches.map((match) => match.title)).toEqual([
        '4.3 Link expiry and deletion',
        '7. Retention schedule',
      ]);
    });

    it('adds no second place for a clause the matching heading carries', () => {
      const plan = md`
        # Platform plan
        ## 5. Secrets and key rotation
        Vault holds them; keys rotate monthly.
        ## 9. Key rotation runbook
        Page the on-call first.
      `;
      const judgement = auditTexts(
        plan,
        '## Data\n\n* **Where are secrets stored, and how are keys rotated?**\n* **Who can read them?**\n',
      ).judgements[0];
      expect(judgement.matches.map((match) => match.title)).toEqual([
        '5. Secrets and key rotation',
      ]);
    });

    it('adds none for a statement whose parts share its verb', () => {
      const plan = md`
        # Kubernetes migration
        ## 4. Scaling
        ### 4.1 HPA on CPU + queue depth
        Scale between 2 and 20 pods.
        ## 6. Rollout
        ### 6.1 Phase 1: stateless workers
        The workers move first.
      `;
      const judgement = auditTexts(
        plan,
        '## Medium priority\n1. Autoscale the API and the workers (HPA)\n',
      ).judgements[0];
      expect(judgement.matches.map((match) => match.title)).toEqual([
        '4.1 HPA on CPU + queue depth',
      ]);
    });
  });

  describe('a later clause that names again what an earlier one named', () => {
    const plan = md`
      # Ranker readiness review
      ## 3.3 Dependency map
      | Dependency | If it fails |
      |---|---|
      | Feature store | use cached features |
      ## 7. Failure modes and graceful degradation
      - Feature store down: cached features, then popular items.
      ## 8. Testing
      Unit tests.
    `;
    const titles = (item: string) =>
      auditTexts(
        plan,
        `## Reliability\n\n* **${item}**\n* **Who owns it?**\n`,
      ).judgements[0].matches.map((match) => match.title);

    it('asks only for what it adds: each clause finds its section', () => {
      expect(
        titles(
          'What does it depend on, and what happens when each dependency fails?',
        ),
      ).toEqual([
        '3.3 Dependency map',
        '7. Failure modes and graceful degradation',
      ]);
    });

    it('keeps its words in a statement, whose parts share one subject', () => {
      expect(
        titles('Dependencies and what happens when each dependency fails'),
      ).toEqual(['3.3 Dependency map']);
    });
  });

  describe('the subject of a request', () => {
    const plan = md`
      # Helpdesk GDPR programme
      ## 3. Processing inventory (RoPA)
      One row per processing activity.
      ## 4. Lawful basis
      Contract for tickets, legitimate interest for analytics.
      ## 5. Customer accounts
      Accounts are created by invitation.
    `;
    const verdictFor = (item: string) =>
      auditTexts(plan, `## P0\n1. ${item}\n`).judgements[0].verdict;

    it('finds what a request is about before the participle that says what to do', () => {
      expect(
        verdictFor('Lawful basis documented for each purpose of processing'),
      ).toBe('present');
      expect(
        verdictFor(
          'Record of processing activities (Art. 30) covering every support data flow',
        ),
      ).toBe('present');
    });

    it('keeps a participle that qualifies a noun, and questions, whole', () => {
      expect(verdictFor('Customer managed keys for backups')).toBe('missing');
      expect(verdictFor('How is customer data encrypted at rest?')).toBe(
        'missing',
      );
    });
  });

  describe('a "why not" heading', () => {
    const PLAN = md`
      # Queue RFC
      ## Why a Postgres queue
      Redis loses jobs.
      ## Alternatives considered
      Redis with a reliable-queue pattern; SQS.
      ## Design
      A jobs table claimed with SKIP LOCKED.
      ## Appendix: why not Kafka
      One more cluster to run for 400 jobs a second.
    `;
    const placesOf = (item: string) =>
      auditTexts(
        PLAN,
        `# Template\n## ${item}\n## Design\n`,
      ).judgements[0].matches.map((match) => match.startLine);

    it('reads "why not Kafka" as a section about the alternatives considered', () => {
      expect(placesOf('Considered Options')).toEqual([4, 8]);
      expect(placesOf('Alternatives')).toEqual([4, 8]);
    });

    it('reads no other "why" heading as an alternative', () => {
      const result = auditTexts(
        md`
          # Queue RFC
          ## Why a Postgres queue
          Redis loses jobs.
          ## Design
          A jobs table.
        `,
        '# Template\n## Alternatives\n## Design\n',
      );
      expect(result.judgements[0].verdict).toBe('missing');
    });
  });

  describe('a "who does it" question', () => {
    const PLAN = md`
      # Ranker service
      ## 1. Background & callers
      The home feed and the weekly digest send it requests.
      ## 2. Capacity
      Four GPUs per region.
    `;
    const verdictFor = (question: string) =>
      auditTexts(
        PLAN,
        md`
          # Readiness review
          ## Basics
          * **${question}**
          * **Where are secrets stored?**
        `,
      ).judgements[0];

    it('asks for the callers when it asks who calls it', () => {
      const judgement = verdictFor(
        'What does the service do, and who calls it?',
      );
      expect(judgement.verdict).toBe('present');
      expect(judgement.matches.map((match) => match.startLine)).toEqual([2]);
    });

    it('reads no caller into "who is on call"', () => {
      expect(verdictFor('Who is on call?').verdict).toBe('missing');
    });
  });
});
