import { describe, expect, it } from 'vitest';

import { auditTexts, md, ruleSays } from '../helpers.js';

const PROBES = '## High\n1. Configure readiness and liveness probes.\n';

const probesPlan = (appendix: string) => md`
  # Migration plan
  ## 4. Workload configuration
  ### Health probes
  - a readiness probe on /readyz;
  - a liveness probe on /healthz.
  ## 5. Monitoring
  Prometheus scrapes every pod.
  ${appendix}
`;

describe('rule second-section', () => {
  it('adds a heading with the head word whose text names the rest', () => {
    const text = probesPlan(md`
      ## Appendix C: Probe settings per service
      | Service | Thresholds                      |
      |---------|---------------------------------|
      | cart    | readiness 5s/3, liveness 10s/3  |
    `);
    expect(ruleSays('second-section', text, PROBES).accepted).toEqual([
      'Appendix C: Probe settings per service',
    ]);
    const [judgement] = auditTexts(text, PROBES).judgements;
    expect(judgement.verdict).toBe('duplicate');
    expect(judgement.matches.map((match) => match.title)).toEqual([
      'Health probes',
      'Appendix C: Probe settings per service',
    ]);
  });

  it('leaves a heading with the head word whose text does not name the item', () => {
    const text = probesPlan(md`
      ## Appendix C: Probe settings per service
      Timeouts are 2 s everywhere except pricing.
    `);
    expect(ruleSays('second-section', text, PROBES).accepted).toEqual([]);
    expect(auditTexts(text, PROBES).judgements[0].verdict).toBe('present');
  });

  it('does not take a heading that shares the qualifier, not the head', () => {
    // "Webhook timeouts" names retries in its text, but it is about
    // timeouts: "webhook" only qualifies what the item asks for.
    const plan = md`
      # Plan
      ## Webhook retries
      Failed webhook deliveries are retried with exponential backoff.
      ## Webhook timeouts
      A webhook delivery that times out is retried like any other failure.
    `;
    const gaps = '### Gap 1: Webhook Retries\n';
    expect(ruleSays('second-section', plan, gaps).accepted).toEqual([]);
    expect(auditTexts(plan, gaps).judgements[0].verdict).toBe('present');
  });

  it('is no section of an item that nothing else covers', () => {
    const plan = md`
      # Plan
      ## Appendix C: Probe settings per service
      | Service | Thresholds                      |
      |---------|---------------------------------|
      | cart    | readiness 5s/3, liveness 10s/3  |
    `;
    expect(ruleSays('second-section', plan, PROBES).accepted).toEqual([
      'Appendix C: Probe settings per service',
    ]);
    expect(auditTexts(plan, PROBES).judgements[0].verdict).toBe('partial');
  });

  it('is no second place of a heading another item matches', () => {
    const plan = md`
      # Plan
      ## Refunds
      Refunds go back to the original card.
      ## Refund fees
      Refunds of card payments keep the PSP fee.
    `;
    const gaps = md`
      ### Gap 1: Refunds
      ### Gap 2: Refund fees
    `;
    const [refunds] = auditTexts(plan, gaps).judgements;
    expect(refunds.verdict).toBe('present');
    expect(refunds.matches.map((match) => match.title)).toEqual(['Refunds']);
  });

  it("judges only sections that hold one of the item's telling words", () => {
    // "consumer" and "lag" are in ten titles, "kafka" in none: without
    // "kafka" no heading and block can cover 0.6 of the item, so
    // "Alerts", whose text names only consumer lag, is not even judged.
    const reports = Array.from(
      { length: 10 },
      (_, index) =>
        `## Consumer lag report ${index + 1}\nLag of topic ${index + 1}.\n`,
    ).join('');
    const plan =
      '# Plan\n' +
      reports +
      md`
        ## Alerts
        Consumer lag over five minutes pages the on-call.
        ## Alert rules
        Kafka consumer lag alerts fire after five minutes.
      `;
    const gaps = '### Gap 1: Kafka consumer lag alerts\n';
    const said = ruleSays('second-section', plan, gaps);
    expect(said.accepted).toEqual(['Alert rules']);
    expect(said.rejected).not.toContain('Alerts');
  });

  it('judges only sections that hold enough of the item anywhere in them', () => {
    // "kafka" and "redis" weigh about the same and are the item's telling
    // words. "Broker alerts" names only "kafka" in its text: with its
    // heading that is less than 0.6 of the item, so it is not judged.
    // "On-call alerts" names both, if not in one block: judged, rejected.
    const plan = md`
      # Plan
      ## Redis failover drills
      Drills run monthly.
      ## Kafka failover drills
      Drills run monthly.
      ## Broker alerts
      Kafka broker outages page the on-call.
      ## On-call alerts
      Kafka brokers page the on-call.

      Redis replicas are watched too.
      ## Alert rules
      Kafka and Redis failover alerts fire after five minutes.
    `;
    const gaps = '### Gap 1: Kafka Redis failover alerts\n';
    const said = ruleSays('second-section', plan, gaps);
    expect(said.accepted).toEqual(['Alert rules']);
    expect(said.rejected).toContain('On-call alerts');
    expect(said.rejected).not.toContain('Broker alerts');
  });
});
