import { describe, expect, it } from 'vitest';

import { auditTexts, md } from './helpers.js';

const WEEKS = md`
  # Wind farm SCADA upgrade
  ## Week 5: Control room
  ### 5.1 HMI screens
  Alarm lists and one screen per turbine.
  ### 5.2 Alarm routing
  Alarms page the duty engineer.
  ## Week 6: Cutover and handover
  ### 6.1 Cutover sequence
  One turbine string at a time.
  ### 6.2 Site acceptance
  The owner signs the acceptance.
`;

function judge(gaps: string, plan = WEEKS) {
  const judgement = auditTexts(plan, gaps).judgements[0];
  return {
    verdict: judgement.verdict,
    sections: judgement.matches.map((match) => match.title),
  };
}

describe('time boxes', () => {
  it('takes no week with subsections for an item it only shares a word with', () => {
    expect(judge('### Gap 1: Documentation handover\n').sections).toEqual([]);
  });

  it('takes no week that the description names as the place of the work', () => {
    const gaps = md`
      ### Gap 1: Operator training
      **Missing**: training for the control room staff before go-live.
    `;
    expect(judge(gaps).sections).toEqual([]);
  });

  it('still takes a week whose title is the item', () => {
    expect(judge('### Gap 1: Control room\n')).toEqual({
      verdict: 'present',
      sections: ['Week 5: Control room'],
    });
  });

  it('still takes a week without subsections', () => {
    const plan =
      WEEKS + '## Week 7: Documentation handover\nManuals go to the owner.\n';
    expect(judge('### Gap 1: Documentation handover\n', plan).sections).toEqual(
      ['Week 7: Documentation handover'],
    );
  });
});
