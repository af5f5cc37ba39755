import { describe, expect, it } from 'vitest';

import { auditTexts, md, ruleSays } from '../helpers.js';

const plan = (heading: string, sentence: string) => md`
  # Helpdesk privacy plan
  ## 6. Data subject rights
  ### ${heading}
  ${sentence}
  ### 6.3 Export of a customer's data
  The export is a zip of JSON files.
`;
const GAPS = '## P0\n1. Right to erasure\n';

describe('rule mentioned-section', () => {
  it('takes a section whose text names the item and whose heading shares a word with it', () => {
    const text = plan(
      '6.2 Deletion requests (right to be forgotten)',
      "A customer's right to erasure is honoured within 30 days.",
    );
    expect(ruleSays('mentioned-section', text, GAPS).accepted).toEqual([
      '6.2 Deletion requests (right to be forgotten)',
    ]);
    expect(auditTexts(text, GAPS).judgements[0].verdict).toBe('present');
  });

  it('leaves a mention under a heading that shares no word with the item partial', () => {
    const text = plan(
      '6.2 Deletion jobs',
      "A customer's right to erasure is honoured within 30 days.",
    );
    expect(ruleSays('mentioned-section', text, GAPS).accepted).toEqual([]);
    expect(auditTexts(text, GAPS).judgements[0].verdict).toBe('partial');
  });

  describe('for an item to remove', () => {
    const removalCheck = (sentence: string) =>
      auditTexts(
        md`
          # Lift access launch
          ## 5.3 Ticket offices and kiosks
          Four ticket offices sell and reload cards. ${sentence}
          ## 5.4 Gates
          Readers open the gate in under a second.
        `,
        '## Remove\n* **Paper day-ticket printers at the ticket windows**\n',
      ).judgements[0];

    it('does not take a sentence that says the thing is going away', () => {
      const judgement = removalCheck(
        'Day tickets are no longer printed on paper; the old ticket printers go back to the leasing company.',
      );
      expect(judgement.matches).toEqual([]);
      expect(judgement.passed).toBe(true);
    });

    it('takes a sentence that says the plan still has it', () => {
      const judgement = removalCheck(
        'Day tickets are printed on paper by the ticket printers at each window.',
      );
      expect(judgement.matches.map((match) => match.title)).toEqual([
        '5.3 Ticket offices and kiosks',
      ]);
      expect(judgement.passed).toBe(false);
    });
  });

  it("does not take the document's title section for a word of its title", () => {
    // Every section of a launch plan is about the launch: "launch" in the
    // title names no section, and the title's section is the whole plan.
    const text = md`
      # Open data: launch plan
      The portal goes live with the parking and the transport datasets at launch.
      ## 1. Catalogue
      Forty datasets.
      ## 2. Hosting
      Two regions.
    `;
    const gaps = '## P0\n1. Launch datasets\n';
    expect(ruleSays('mentioned-section', text, gaps).accepted).toEqual([]);
  });

  it('still takes a section below the title that shares another word', () => {
    const text = md`
      # Open data: launch plan
      ## 1. Catalogue
      ### 1.1 Owners and reviewers
      Every launch dataset has owners in its department.
      ## 2. Hosting
      Two regions.
    `;
    const gaps = '## P0\n1. Launch dataset owners\n';
    expect(ruleSays('mentioned-section', text, gaps).accepted).toEqual([
      '1.1 Owners and reviewers',
    ]);
  });

  it('does not count text that puts the item off', () => {
    const text = plan(
      '6.2 Deletion requests (right to be forgotten)',
      'The right to erasure flow is planned but not designed yet.',
    );
    expect(ruleSays('mentioned-section', text, GAPS).accepted).toEqual([]);
    expect(auditTexts(text, GAPS).judgements[0].verdict).toBe('partial');
  });

  describe('a section whose whole text names the item', () => {
    const GAPS_RTL = '## REQ-05 Right-to-left (RTL) support\n';
    const layout = (lines: string) =>
      '# Design system v2\n## 2. Tokens\n### 2.2 Layout without physical directions\n' +
      `${lines}\n### 2.3 Themes\nLight and dark.\n`;

    it('takes it whatever its heading says, when two blocks or more all name it', () => {
      const text = layout(
        '- spacing uses logical properties, so right-to-left layouts mirror;\n- icons that imply direction flip with `:dir(rtl)`.',
      );
      expect(ruleSays('mentioned-section', text, GAPS_RTL).accepted).toEqual([
        '2.2 Layout without physical directions',
      ]);
      expect(auditTexts(text, GAPS_RTL).judgements[0].verdict).toBe('present');
    });

    it('leaves it partial when one block of the text says something else', () => {
      const text = layout(
        '- spacing uses logical properties, so right-to-left layouts mirror;\n- icons come from one SVG sprite.',
      );
      expect(ruleSays('mentioned-section', text, GAPS_RTL).accepted).toEqual(
        [],
      );
      expect(auditTexts(text, GAPS_RTL).judgements[0].verdict).toBe('partial');
    });

    it('leaves one lone paragraph a mention', () => {
      const text = layout('Right-to-left layouts mirror without extra CSS.');
      expect(auditTexts(text, GAPS_RTL).judgements[0].verdict).toBe('partial');
    });
  });
});
