import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { audit, type AuditResult } from '../../src/audit.js';
import { sourceFromText } from '../../src/input/read.js';
import { SHIPPED_RULES } from '../../src/meta.js';
import { formatCompact } from '../../src/report/compact.js';
import { formatJson } from '../../src/report/json.js';
import { formatText } from '../../src/report/text.js';
import { loadRules } from '../../src/rules/load.js';
import { auditTexts, md, tempFiles } from '../helpers.js';

const PLAN = md`
  # Platform plan

  ## 1. Build

  ### 1.1 Image build

  Images are built in GitHub Actions and pushed to ECR. ECR's basic scan
  runs on push, and a critical finding fails the workflow.

  ### 1.2 Deploys

  Each merge deploys to staging, then to production after a manual approval.

  ## 2. Operations

  ### 2.1 Database

  Backups of the database run nightly and are kept for a week.

  ### 2.2 Files

  Backups of the file store run nightly and are kept for a week.

  ### 2.3 Paging

  Alerts page the on-call engineer through Opsgenie. Deploys that fail
  the smoke test page them too.
`;

function judgementOf(result: AuditResult, title: string) {
  const judgement = result.judgements.find((candidate) =>
    candidate.item.title.startsWith(title),
  );
  if (!judgement) throw new Error(`no item "${title}"`);
  return judgement;
}

describe('rule closest-section', () => {
  it('names the section a missing item may be under, without changing its verdict', () => {
    const result = auditTexts(PLAN, '### Gap 1: Container Image Scanning\n');
    const judgement = judgementOf(result, 'Container Image Scanning');

    expect(judgement.verdict).toBe('missing');
    expect(judgement.matches).toEqual([]);
    expect(judgement.closest).toMatchObject({
      title: '1.1 Image build',
      startLine: 5,
      endLine: 9,
    });
    expect(result.score.value).toBe(0);
  });

  it("names none when no section shares the item's words", () => {
    const result = auditTexts(PLAN, '### Gap 1: Penetration Test\n');
    expect(judgementOf(result, 'Penetration Test').closest).toBeNull();
  });

  it('names none when two separate sections share the words equally', () => {
    const result = auditTexts(PLAN, '### Gap 1: Backup Restore Drills\n');
    expect(judgementOf(result, 'Backup Restore Drills').closest).toBeNull();
  });

  it('names none for an item a section covers', () => {
    const result = auditTexts(PLAN, '### Gap 1: Paging\n');
    const judgement = judgementOf(result, 'Paging');

    expect(judgement.verdict).toBe('present');
    expect(judgement.closest).toBeNull();
  });

  it('names none for a partial item whose mention is in that section already', () => {
    const result = auditTexts(
      PLAN,
      '### Gap 1: Smoke test after each deploy\n',
    );
    const judgement = judgementOf(result, 'Smoke test');

    expect(judgement.verdict).toBe('partial');
    expect(judgement.mentions.map((mention) => mention.line)).toEqual([26]);
    expect(judgement.closest).toBeNull();
  });

  it('names none for an item to remove', () => {
    const result = auditTexts(
      PLAN,
      '## Remove\n\n### Gap 1: Container Image Scanning\n',
    );
    expect(judgementOf(result, 'Container Image Scanning').closest).toBeNull();
  });

  it.each([
    ['is off when a rule file turns it off', 'enabled: false\n'],
    [
      'asks for a closer match when minScore is raised',
      'options:\n  minScore: 0.99\n',
    ],
  ])('%s', (_, ruleFile) => {
    const folder = tempFiles({ 'closest-section.yml': ruleFile });
    const result = audit(
      sourceFromText('plan.md', PLAN),
      sourceFromText('gaps.md', '### Gap 1: Container Image Scanning\n'),
      loadRules([SHIPPED_RULES, folder]),
    );
    expect(judgementOf(result, 'Container Image Scanning').closest).toBeNull();
  });

  it('is shown under the item in the text, compact and JSON reports', () => {
    const result = auditTexts(PLAN, '### Gap 1: Container Image Scanning\n');
    const context = {
      result,
      tool: { name: 'plan-audit', version: '0' },
      exitCode: 1,
    };

    expect(formatText(context, { color: false })).toContain(
      'may be under another name: plan.md:5-9 "1.1 Image build", ' +
        'the section that shares the most of its words',
    );
    expect(formatCompact(context)).toBe(
      'gaps.md:1:1: error: Gap 1 Container Image Scanning (medium) is missing from the plan, ' +
        'unless plan.md:5-9 holds it under another name; ' +
        'add it after plan.md:9. [plan-audit/missing]\n',
    );

    const report = JSON.parse(formatJson(context));
    expect(report.gaps[0].closest).toMatchObject({
      title: '1.1 Image build',
      startLine: 5,
      endLine: 9,
    });

    const schema = JSON.parse(
      readFileSync(
        new URL('../../docs/report.schema.json', import.meta.url),
        'utf8',
      ),
    );
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });
});
