import { readFileSync } from 'node:fs';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { formatCompact } from '../src/report/compact.js';
import { FORMATS } from '../src/report/formats.js';
import { formatGithub } from '../src/report/github.js';
import { formatJunit } from '../src/report/junit.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { formatSarif, toUri } from '../src/report/sarif.js';
import { fixtureContext } from './ci-fixture.js';

const sarifSchema = JSON.parse(
  readFileSync(new URL('./schemas/sarif-2.1.0.json', import.meta.url), 'utf8'),
) as object;

function validateSarif(log: unknown): string[] {
  // The official schema's language pattern has a stray "]" that only
  // non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  return validate(log)
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath} ${error.message}`,
      );
}

describe('the fixture', () => {
  it('has one item of every kind, so every format is exercised', () => {
    const kinds = fixtureContext().outcome?.items.map((item) => item.kind);
    expect(kinds).toEqual([
      'present',
      'missing',
      'duplicate',
      'partial',
      'not-removed',
    ]);
  });
});

describe('compact', () => {
  it('prints path:line:col: severity: message [rule] per problem', () => {
    expect(formatCompact(fixtureContext())).toMatchInlineSnapshot(`
      "gaps.md:7:1: error: Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6. [plan-audit/missing]
      plan.md:7:1: warning: Gap 3 Audit Logging (high) is covered by 2 sections (plan.md:7-10, plan.md:11-14); keep one. [plan-audit/duplicate]
      gaps.md:13:1: warning: Gap 4 Caching (high) is only mentioned in the plan (plan.md:17); give it a section of its own. [plan-audit/partial]
      plan.md:19:1: error: Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan.md:19-21); the gap list asks to remove it. [plan-audit/not-removed]
      "
    `);
  });

  it('turns a kind named in --fail-on into an error', () => {
    const lines = formatCompact(
      fixtureContext({ failOn: ['missing', 'partial'] }),
    ).split('\n');
    expect(lines.find((line) => line.includes('[plan-audit/partial]'))).toMatch(
      /^gaps\.md:13:1: error: /,
    );
  });
});

describe('github', () => {
  it('prints workflow commands with file, line and title, then the score', () => {
    expect(formatGithub(fixtureContext())).toMatchInlineSnapshot(`
      "::error file=gaps.md,line=7,title=Missing%3A Gap 2 Backups [plan-audit/missing]::Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6.
      ::warning file=plan.md,line=7,endLine=10,title=Duplicate%3A Gap 3 Audit Logging [plan-audit/duplicate]::Gap 3 Audit Logging (high) is covered by 2 sections (plan.md:7-10, plan.md:11-14); keep one.
      ::warning file=gaps.md,line=13,title=Partial%3A Gap 4 Caching [plan-audit/partial]::Gap 4 Caching (high) is only mentioned in the plan (plan.md:17); give it a section of its own.
      ::error file=plan.md,line=19,endLine=21,title=Not removed%3A Gap 5 Legacy SOAP Gateway [plan-audit/not-removed]::Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan.md:19-21); the gap list asks to remove it.
      plan-audit: score 54.5/100; the policy fails: 2 items fail the policy (fail on: missing)
      "
    `);
  });

  it('escapes what would end a property or a command', () => {
    const context = fixtureContext();
    context.result.gapList.path = 'docs/a,b:c.md';
    context.result.judgements[1].item.title = 'Back%ups\nnow';
    const line = formatGithub(context).split('\n')[0];
    expect(line).toContain('file=docs/a%2Cb%3Ac.md,');
    expect(line).toContain('Back%25ups%0Anow');
  });
});

describe('junit', () => {
  it('has one case per required item: missing fails, partial is skipped', () => {
    expect(formatJunit(fixtureContext())).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="plan-audit" tests="5" failures="2" errors="0" skipped="1">
        <testsuite name="gaps.md" tests="5" failures="2" errors="0" skipped="1">
          <testcase classname="plan-audit.critical" name="Gap 1 Rate Limiting" file="gaps.md" line="5"/>
          <testcase classname="plan-audit.critical" name="Gap 2 Backups" file="gaps.md" line="7">
            <failure type="plan-audit/missing" message="Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6.">Gap 2 Backups (critical) is missing from the plan; add it after plan.md:6.</failure>
          </testcase>
          <testcase classname="plan-audit.high" name="Gap 3 Audit Logging" file="gaps.md" line="11">
            <system-out>Gap 3 Audit Logging (high) is covered by 2 sections (plan.md:7-10, plan.md:11-14); keep one.</system-out>
          </testcase>
          <testcase classname="plan-audit.high" name="Gap 4 Caching" file="gaps.md" line="13">
            <skipped message="Gap 4 Caching (high) is only mentioned in the plan (plan.md:17); give it a section of its own."/>
          </testcase>
          <testcase classname="plan-audit.medium" name="Gap 5 Legacy SOAP Gateway" file="gaps.md" line="17">
            <failure type="plan-audit/not-removed" message="Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan.md:19-21); the gap list asks to remove it.">Gap 5 Legacy SOAP Gateway (medium) is still in the plan (plan.md:19-21); the gap list asks to remove it.</failure>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('adds a policy suite for the score gates', () => {
    const xml = formatJunit(fixtureContext({ minScore: 80, maxMissing: 5 }));
    expect(xml).toContain(
      '<testsuite name="policy" tests="2" failures="1" errors="0" skipped="0">',
    );
    expect(xml).toContain(
      '<failure type="plan-audit/policy" message="the score 54.5 is below 80">',
    );
    expect(xml).toContain('name="at most 5 items missing"/>');
  });
});

describe('markdown', () => {
  it('shows the score, a bar per priority and every item with links', () => {
    expect(formatMarkdown(fixtureContext())).toMatchInlineSnapshot(`
      "## ❌ plan-audit: score 54.5/100

      \`plan.md\` audited against \`gaps.md\`: 5 items, 1 present, 1 duplicate, 1 partial, 1 missing, 1 not removed.

      Fails: 2 items fail the policy (fail on: missing)  

      | Priority | Credit | Items |
      | --- | --- | --- |
      | critical | \`█████░░░░░\` 50% | 1/2 |
      | high | \`████████░░\` 75% | 1.5/2 |
      | medium | \`░░░░░░░░░░\` 0% | 0/1 |

      | Verdict | Item | Priority | Where |
      | --- | --- | --- | --- |
      | ✅ present | Gap 1 Rate Limiting | critical | [plan.md#L3](plan.md#L3) · gap [gaps.md#L5](gaps.md#L5) |
      | **❌ missing** | Gap 2 Backups | critical | add after [plan.md#L6](plan.md#L6) · gap [gaps.md#L7](gaps.md#L7) |
      | 🔁 duplicate | Gap 3 Audit Logging | high | [plan.md#L7](plan.md#L7) · [plan.md#L11](plan.md#L11) · gap [gaps.md#L11](gaps.md#L11) |
      | 🟡 partial | Gap 4 Caching | high | mention [plan.md#L17](plan.md#L17) · gap [gaps.md#L13](gaps.md#L13) |
      | **❌ not removed** | Gap 5 Legacy SOAP Gateway | medium | [plan.md#L19](plan.md#L19) · gap [gaps.md#L17](gaps.md#L17) |

      <sub>100 × Σ weight(priority) × credit(verdict) / Σ weight(priority) = 100 × 6 / 11 = 54.5</sub>
      "
    `);
  });

  it('prefixes links with the link base', () => {
    const context = {
      ...fixtureContext(),
      linkBase: 'https://example.test/o/r/blob/abc/',
    };
    expect(formatMarkdown(context)).toContain(
      '[plan.md#L3](https://example.test/o/r/blob/abc/plan.md#L3)',
    );
  });
});

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(fixtureContext()));
    expect(validateSarif(log)).toEqual([]);
  });

  it('gives stable rule ids, places and fingerprints', () => {
    const log = JSON.parse(formatSarif(fixtureContext()));
    const results = log.runs[0].results.map((result: any) => ({
      ruleId: result.ruleId,
      level: result.level,
      at: `${result.locations[0].physicalLocation.artifactLocation.uri}:${result.locations[0].physicalLocation.region.startLine}`,
      related: (result.relatedLocations ?? []).map(
        (place: any) =>
          `${place.physicalLocation.artifactLocation.uri}:${place.physicalLocation.region.startLine}`,
      ),
      fingerprint: result.partialFingerprints['planAuditItem/v1'],
    }));

    expect(results).toEqual([
      {
        ruleId: 'plan-audit/missing',
        level: 'error',
        at: 'gaps.md:7',
        related: ['plan.md:6'],
        fingerprint: 'id:gap-2',
      },
      {
        ruleId: 'plan-audit/duplicate',
        level: 'warning',
        at: 'plan.md:7',
        related: ['plan.md:11', 'gaps.md:11'],
        fingerprint: 'id:gap-3',
      },
      {
        ruleId: 'plan-audit/partial',
        level: 'warning',
        at: 'gaps.md:13',
        related: ['plan.md:17'],
        fingerprint: 'id:gap-4',
      },
      {
        ruleId: 'plan-audit/not-removed',
        level: 'error',
        at: 'plan.md:19',
        related: ['gaps.md:17'],
        fingerprint: 'id:gap-5',
      },
    ]);
    const ruleIds = log.runs[0].tool.driver.rules.map((rule: any) => rule.id);
    for (const result of log.runs[0].results)
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
  });

  it('keeps fingerprints when lines shift', () => {
    const before = JSON.parse(formatSarif(fixtureContext()));
    const context = fixtureContext();
    for (const judgement of context.result.judgements)
      judgement.item.line += 40;
    const after = JSON.parse(formatSarif(context));

    const prints = (log: any) =>
      log.runs[0].results.map((result: any) => result.partialFingerprints);
    expect(prints(after)).toEqual(prints(before));
  });

  it('records the exit code and why', () => {
    const log = JSON.parse(formatSarif(fixtureContext()));
    expect(log.runs[0].invocations[0]).toEqual({
      executionSuccessful: true,
      exitCode: 1,
      exitCodeDescription: '2 items fail the policy (fail on: missing)',
    });
  });

  it('writes paths as URI references', () => {
    expect(toUri('docs/my plan.md')).toBe('docs/my%20plan.md');
    expect(toUri('docs\\plan.md')).toBe('docs/plan.md');
    expect(toUri('/tmp/plan.md')).toBe('file:///tmp/plan.md');
    expect(toUri('<stdin>')).toBe('%3Cstdin%3E');
  });
});

describe('the format table', () => {
  it('offers each format once, every one producing text for the fixture', () => {
    expect([...FORMATS.keys()]).toEqual([
      'text',
      'json',
      'sarif',
      'junit',
      'github',
      'markdown',
      'compact',
    ]);
    for (const format of FORMATS.values()) {
      expect(
        format.format(fixtureContext(), { color: false }).endsWith('\n'),
      ).toBe(true);
    }
  });
});
