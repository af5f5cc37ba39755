import { describe, expect, it } from 'vitest';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { SHIPPED_RULES } from '../../src/meta.js';
import { stem, tokens } from '../../src/text/tokens.js';
import { auditTexts, md, ruleSays } from '../helpers.js';

describe('rule alias', () => {
  it.each([
    ['K8s Secrets', 'Kubernetes secrets'],
    ['CI/CD Pipeline', 'Continuous integration & delivery pipeline'],
    ['W&B Logging', 'Weights & Biases logging'],
    ['Experiment tracking (W&B)', 'W&B'],
    ['Sandbox for merchants', 'Merchant sandbox'],
    ['Non-Goals', 'Out of scope'],
    ['Visual regression testing', 'Screenshot diffs'],
    ['SLIs', 'Service level indicators'],
    ['Emergency disable', 'Kill switch'],
    ['Subject access requests', 'DSARs'],
    ['Single sign-on', 'SAML'],
    ['Offline data entry', 'Data entry without a connection'],
    ['Audit trail', 'Audit log'],
    ['Expense audit trail', 'Expense change log'],
    ['Audit trail', 'Change history'],
    ['Prometheus HA', 'Highly available Prometheus'],
    ['Future Possibilities', 'Future work'],
    ['Glossary', 'Terminology'],
    ['Broken-link checking', 'Dead link checks'],
    ['OpenTelemetry traces', 'OTel traces'],
    ['Geospatial previews', 'Geo previews'],
    ['Monitoring requirements', 'Observability requirements'],
    ['Non-Goals', 'Not in this proposal'],
    ['Overview', 'Summary'],
    ['Timeline', 'Schedule'],
    ['Role-based permissions', 'Roles and permissions'],
    ['RBAC', 'Roles and access'],
    ['Rollout plan', 'Going live'],
    ['Security considerations', 'Threat model'],
    ['System context diagram', 'Architecture'],
    ['Demand cap', 'Demand limit'],
    ['Goals', 'What success looks like'],
    ['Rollback', 'Reverting'],
    ['Cost', 'Spend'],
    ['Rollout plan', 'Staged deployment'],
    ['Temperature alarms', 'Temperature alerts'],
    ['Alternatives considered', 'Options we rejected'],
    ['Alternatives', 'Options we ruled out'],
    ['Testing strategy', 'Verification'],
    ['Rollout plan', 'Cut-over plan'],
    ['Rollback', 'Going back'],
    ['On-call', 'Duty rota'],
  ])('reads "%s" and "%s" as the same title', (item, heading) => {
    const says = ruleSays(
      'alias',
      `# Plan\n## ${heading}\n`,
      `### Gap 1: ${item}\n`,
    );
    expect(says.accepted).toEqual([heading]);
  });

  it('reads a two-letter abbreviation only where it is shipped', () => {
    // "HA" is too short to be read from initials (see acronyms); the
    // shipped group finds it, and nothing else of two letters is guessed.
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Prometheus high availability\n## Prometheus HR\n',
        '### Gap 1: Prometheus HA\n',
      ).accepted,
    ).toEqual(['Prometheus high availability']);
  });

  it('finds an item under the plural abbreviation the plan defines', () => {
    const result = auditTexts(
      md`
        # Plan
        ## 4. Vendors
        Each vendor signs the Standard Contractual Clauses (SCCs).
        ## 5. SCCs for US vendors
        Twilio and OpenAI.
        ## 6. Rollout
        Behind a flag.
      `,
      '## P1\n1. Standard contractual clauses.\n2. Cookie banner.\n',
    );
    expect(result.judgements[0].matches.map((match) => match.title)).toEqual([
      '5. SCCs for US vendors',
    ]);
  });

  it('reads a shipped abbreviation in body text, where no title spells it', () => {
    const verdict = (text: string) =>
      auditTexts(
        `# Plan\n## Workers\n${text}\n## Rollout\nBehind a flag.\n`,
        '### Gap 1: Dead-letter queue\n### Gap 2: FAQ page\n',
      ).judgements.map((judgement) => judgement.verdict);
    expect(
      verdict('A job that fails five times goes to the DLQ. See the FAQ page.'),
    ).toEqual(['partial', 'partial']);
  });

  it('reads "geo" as geospatial only as a word of its own', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Geology survey data\n',
        '### Gap 1: Geospatial survey data\n',
      ).accepted,
    ).toEqual([]);
  });

  it('reads "ETL" as the whole phrase, never as its last word', () => {
    expect(
      ruleSays('alias', '# Plan\n## ETL jobs\n', '### Gap 1: Load jobs\n')
        .accepted,
    ).toEqual([]);
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

  it('finds no proposal in "Not in this proposal"', () => {
    const plan = '# Plan\n## Not in this proposal\nSMS reminders.\n';
    const result = auditTexts(plan, '### Gap 1: Proposal\n');
    expect(result.judgements[0].matches).toEqual([]);
  });

  it('keeps cost monitoring apart from observability alone', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Observability\n',
        '### Gap 1: Cost monitoring\n',
      ).accepted,
    ).toEqual([]);
  });

  it('keeps working offline apart from connection limits', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Database connection limits\n',
        '### Gap 1: Offline database\n',
      ).accepted,
    ).toEqual([]);
  });

  it('reads "Out of scope" as the opposite of the scope, not as the scope', () => {
    const result = auditTexts(
      '# Plan\n## Scope\nThe API.\n## Out of scope\nThe admin UI.\n',
      '### Gap 1: Scope\n',
    );
    const [judgement] = result.judgements;
    expect(judgement.verdict).toBe('present');
    expect(judgement.matches.map((match) => match.startLine)).toEqual([2]);
  });

  it('finds no non-goals in a "Goals" or "Scope" section', () => {
    const result = auditTexts(
      '# Plan\n## Goals\nShip v2.\n## Scope\nThe API only.\n',
      '## Non-Goals\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  it('keeps a snapshot test apart from visual regression testing', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Snapshot tests\n',
        '### Gap 1: Visual regression testing\n',
      ).accepted,
    ).toEqual([]);
  });

  it('finds a question in other words under a kill switch', () => {
    const result = auditTexts(
      '# Plan\n## Kill switch (feature flag `share_links`)\nOps can turn it off.\n## Emergency contacts\nThe on-call list.\n',
      '* **How can this feature be disabled in an emergency?**\n',
    );
    const [judgement] = result.judgements;
    expect(judgement.verdict).toBe('present');
    expect(judgement.matches.map((match) => match.startLine)).toEqual([2]);
  });

  it('does not read any emergency as a kill switch', () => {
    expect(
      ruleSays(
        'alias',
        '# Plan\n## Emergency access\n',
        '### Gap 1: Kill switch\n',
      ).accepted,
    ).toEqual([]);
  });

  it('does not read an access audit as the access audit log', () => {
    const result = auditTexts(
      md`
        # Plan
        ## Access audit log
        Every read of a ticket is recorded.
        ## Rollout
        Behind a flag.
      `,
      '## P1\n1. Quarterly access audit.\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  it('ships no phrase that stop words reduce to one of its own words', () => {
    // "other options" would read as "options", and every "Payment
    // options" heading would be the alternatives considered. A phrase
    // read as one joined word ("out of scope", "on call") is meant.
    const file = readFileSync(join(SHIPPED_RULES, 'alias.yml'), 'utf8');
    const groups = (parse(file) as { options: { synonyms: string[][] } })
      .options.synonyms;
    const reduced = groups.flat().filter((phrase) => {
      const words = phrase.split(/\s+/);
      const stems = tokens(phrase);
      return (
        words.length > 1 &&
        stems.length === 1 &&
        words.some((word) => stem(word.toLowerCase()) === stems[0])
      );
    });
    expect(reduced).toEqual([]);
  });

  it('does not read payment options as the alternatives considered', () => {
    const result = auditTexts(
      md`
        # Plan
        ## Payment options
        Cards and bank transfers.
      `,
      '## Alternatives Considered\n## Summary\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  it('does not read API calls as an on-call rota', () => {
    const result = auditTexts(
      md`
        # Plan
        ## API calls
        Each client makes a few calls a minute.
      `,
      '### Gap 1: On-call rota\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  it('does not read a release changelog as an audit trail', () => {
    const result = auditTexts(
      md`
        # Plan
        ## Changelog and release notes
        Each release lists what changed for users.
      `,
      '### Gap 1: Audit trail\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  it('counts an audit trail as one thing when a sentence names what it records', () => {
    const result = auditTexts(
      md`
        # Plan
        ## Refunds
        Agents issue refunds from the console.
        Every manual adjustment is recorded with the agent id and a reason code.
        ## Rollout
        Behind a flag.
      `,
      '## REQ-1 Audit trail for manual adjustments\n',
    );
    const [judgement] = result.judgements;
    expect(judgement.verdict).toBe('partial');
    expect(judgement.mentions.map((mention) => mention.line)).toEqual([3]);
  });

  it('reads a verb and its noun as one word: what fails is a failure', () => {
    const result = auditTexts(
      '# Queue\n## When a worker fails\nIts jobs go back to the queue.\n## Telemetry\nPickup delay.\n',
      '## Sections\n### Gap 1: Failure modes\n',
    );
    expect(result.judgements[0].verdict).toBe('present');
  });

  it('keeps a failover apart from a failure', () => {
    const result = auditTexts(
      '# Queue\n## Database failover\nWorkers reconnect.\n## Telemetry\nPickup delay.\n',
      '## Sections\n### Gap 1: Failure modes\n',
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  describe('TLS', () => {
    const verdictFor = (plan: string) =>
      auditTexts(
        plan,
        md`
          # Security review
          ## Data
          * **How is data encrypted in transit?**
          * **Where are secrets stored?**
        `,
      ).judgements[0].verdict;

    it('reads TLS as encryption in transit', () => {
      expect(
        verdictFor(
          '# Share links\n## Trust boundaries\nAll traffic crosses the edge over TLS 1.2+ with HSTS.\n## Rollout\nBehind a flag.\n',
        ),
      ).toBe('partial');
    });

    it('keeps TLS certificates apart from encryption in transit', () => {
      expect(
        verdictFor(
          '# Share links\n## TLS certificates\nRenewed by cert-manager.\n## Rollout\nBehind a flag.\n',
        ),
      ).toBe('missing');
    });
  });
});
