import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { audit } from '../../src/audit.js';
import { sourceFromText } from '../../src/input/read.js';
import { SHIPPED_RULES } from '../../src/meta.js';
import { loadRules } from '../../src/rules/load.js';
import { auditTexts, md, tempFiles } from '../helpers.js';

const PLAN = '# Plan\n## Vault\n';
const GAPS = md`
  ## CRITICAL
  ### Gap 1: Vault
  ## LOW PRIORITY
  ### Gap 2: Grafana
`;

function scoreWith(ruleFiles: Record<string, string>): number {
  const folder = tempFiles({});
  for (const [name, text] of Object.entries(ruleFiles))
    writeFileSync(join(folder, name), text);
  const rules = loadRules([SHIPPED_RULES, folder]);
  return audit(
    sourceFromText('plan.md', PLAN),
    sourceFromText('gaps.md', GAPS),
    rules,
  ).score.value;
}

describe('rules score and word-weights', () => {
  it('uses the shipped weights: critical 3, low 0.5', () => {
    expect(scoreWith({})).toBe(85.7);
  });

  it('takes weights from an overriding score rule', () => {
    expect(
      scoreWith({
        'score.yml': 'options:\n  weights: { critical: 1, low: 1 }\n',
      }),
    ).toBe(50);
  });

  it('lets a generic word carry less weight, so it cannot make a match alone', () => {
    const plan = '# Plan\n## Deployment Strategy\n';
    const gaps = '### Gap 1: Rollback Strategy\n';
    const result = audit(
      sourceFromText('plan.md', plan),
      sourceFromText('gaps.md', gaps),
      loadRules([SHIPPED_RULES]),
    );
    expect(result.judgements[0].verdict).toBe('missing');
  });

  describe('"library" names a collection, not a topic', () => {
    const gaps = '## REQ-13 Icon library\n';
    const verdictUnder = (heading: string) =>
      auditTexts(
        md`
          # Design system plan
          ## 4. Assets
          ### ${heading}
          Every glyph is drawn on a 24 px grid.
          ### 4.4 Fonts
          Inter, self-hosted.
        `,
        gaps,
      ).judgements[0].verdict;

    it('finds an icon library under a heading about icons', () => {
      expect(verdictUnder('4.3 Icons (SVG sprite, 240 glyphs)')).toBe(
        'present',
      );
    });

    it('does not find it under a heading about a library of something else', () => {
      expect(verdictUnder('4.3 Chart library')).toBe('missing');
    });
  });

  describe('"schedule" says when, like "plan"', () => {
    const verdictFor = (item: string) =>
      auditTexts(
        md`
          # Fine-tuning plan
          ## 4. Optimisation
          ### 4.1 AdamW, LR warmup + cosine decay
          Peak learning rate 3e-5, then cosine decay.
          ### 4.2 Deployment schedule
          Weekly, on Tuesdays.
        `,
        `### Gap 3: ${item}\n`,
      ).judgements[0].verdict;

    it('finds a learning-rate schedule under a heading about the learning rate', () => {
      expect(verdictFor('Learning-Rate Schedule')).toBe('present');
    });

    it('does not find a schedule of something else through the word alone', () => {
      expect(verdictFor('Release schedule')).toBe('missing');
    });
  });

  describe('"modes" and "estimate" name kinds and figures of a topic', () => {
    const verdictFor = (item: string, sentence: string) =>
      auditTexts(
        md`
          # Platform plan
          ## 2. Timeline
          ${sentence}
          ## 3. Support
          Questions go to the platform channel.
        `,
        `## P2\n1. ${item}\n`,
      ).judgements[0].verdict;

    it('makes an item partial from a sentence about its topic word', () => {
      expect(
        verdictFor(
          'Density modes (compact / comfortable)',
          'Console has asked for a compact density as well.',
        ),
      ).toBe('partial');
      expect(
        verdictFor(
          'Cost estimate',
          'The cluster should cost about the same as the old fleet.',
        ),
      ).toBe('partial');
    });

    it('does not count the kind or figure word alone', () => {
      expect(
        verdictFor('Density modes', 'Dark mode follows the system setting.'),
      ).toBe('missing');
      expect(
        verdictFor('Cost estimate', 'We estimate two weeks for the cutover.'),
      ).toBe('missing');
    });
  });

  describe('"periodic" says that something repeats, not what', () => {
    const verdictFor = (item: string) =>
      auditTexts(
        md`
          # Helpdesk GDPR programme
          ## 7. Security
          ### 7.2 Agent permissions and the quarterly access review
          Admins review group membership every quarter.
          ### 7.3 Periodic reports
          A monthly report goes to the DPO.
        `,
        `## P1\n1. ${item}\n`,
      ).judgements[0].verdict;

    it('finds periodic access reviews under a heading about access reviews', () => {
      expect(
        verdictFor(
          'Role-based access for agents, with periodic access reviews',
        ),
      ).toBe('present');
    });

    it('does not find periodic backups through the word alone', () => {
      expect(verdictFor('Periodic backups')).toBe('missing');
    });
  });

  describe('a bare number gives a quantity, not a topic', () => {
    const verdictFor = (heading: string) =>
      auditTexts(
        md`
          # Trip expenses app
          ## 6. Accessibility and locales
          ### 6.1 Screen readers
          Every balance is read out with its sign.
          ### ${heading}
          Strings go through the translation pipeline for the eight launch
          languages. Amounts use the device locale for separators.
        `,
        '## P1\n1. Localisation for the 8 launch languages\n',
      ).judgements[0].verdict;

    it('finds the item where the words beside the number are', () => {
      expect(verdictFor('6.2 Translations and locale formats')).toBe('present');
    });

    it('does not find it under a heading that shares only the number', () => {
      expect(verdictFor('6.2 The 8 supported currencies')).toBe('partial');
    });
  });

  describe('a decision record\'s "Context" and "Decision" are its own text', () => {
    const verdictFor = (part: string) =>
      auditTexts(
        md`
          # Rostering decisions
          ## ADR-001: Take the schedule as SSIM files from network planning
          **Status:** accepted
          ### ${part}
          Network planning publishes the seasonal schedule from its own system.
          A small importer reads each published flight into the database.
          ## ADR-002: Legality rules as data files
          The flight-time limits are kept as versioned rule files.
        `,
        '| ID | Requirement |\n|---|---|\n' +
          '| CR-2 | Import the published flight schedule from the network planning system |\n',
      ).judgements[0].verdict;

    it('finds the item under the record whose context names the rest of it', () => {
      expect(verdictFor('Context')).toBe('present');
    });

    it("does not lend a topical subsection's text to the heading above it", () => {
      expect(verdictFor('Rollout')).toBe('partial');
    });
  });
});
