import { describe, expect, it } from 'vitest';

import { ruleSays } from '../helpers.js';

describe('rule exact-title', () => {
  it('sets aside emoji, numbering, bold, estimates and plural endings', () => {
    const plan =
      '# Plan\n## 🐳 7.3 **Docker Swarm** rolling update (30 Minutes) ✅\n';
    const says = ruleSays(
      'exact-title',
      plan,
      '### Gap 8: Docker Swarm Rolling Updates 🟡\n',
    );
    expect(says.accepted).toHaveLength(1);
  });

  it('does not accept a heading with one word more or less', () => {
    const plan =
      '# Plan\n## Docker Swarm Rolling Updates Runbook\n## Docker Swarm\n';
    expect(
      ruleSays('exact-title', plan, '### Gap 8: Docker Swarm Rolling Updates\n')
        .accepted,
    ).toEqual([]);
  });

  it('keeps "Non-Goals" apart from "Goals"', () => {
    expect(
      ruleSays(
        'exact-title',
        '# Plan\n## Non-Goals\n',
        '# T\n## Goals\n## Other\n',
      ).accepted,
    ).toEqual([]);
  });

  it('reads a hyphenated compound ending in a particle as one word', () => {
    const says = ruleSays(
      'exact-title',
      '# Plan\n## Plugin architecture\n## Other\n',
      '# T\n## Plug-in architecture\n## Other\n',
    );
    expect(says.accepted).toEqual(['Plugin architecture']);
  });

  it('keeps "Opt-out" apart from "Opt-in": the particle is not dropped', () => {
    expect(
      ruleSays(
        'exact-title',
        '# Plan\n## Analytics opt-in\n',
        '# T\n## Analytics opt-out\n## Other\n',
      ).accepted,
    ).toEqual([]);
  });

  it.each([
    ['Colour tokens', 'Color tokens', 'British spelling'],
    ['Data centre exit', 'Data center exit', 'British spelling'],
    ['Model artefacts', 'Model artifacts', 'British spelling'],
    ['Licence checks', 'License checks', 'British spelling'],
    ['Gate decisions', 'Gate decides', 'noun and its verb'],
    ['Disaster recovery', 'Disaster recover', 'noun and its verb'],
    ['Metadata description', 'Metadata described', 'noun and its verb'],
    ['On-premises installs', 'On-prem installs', 'one word however written'],
    ['On-call rota', 'On call rota', 'one word however written'],
  ])('reads "%s" as "%s" (%s)', (item, heading) => {
    const says = ruleSays(
      'exact-title',
      `# Plan\n## ${heading}\n## Other\n`,
      `# T\n## ${item}\n## Other\n`,
    );
    expect(says.accepted).toEqual([heading]);
  });

  it('keeps a noun of another meaning apart from the verb: an application is not applied', () => {
    expect(
      ruleSays(
        'exact-title',
        '# Plan\n## Apply logs\n',
        '# T\n## Application logs\n## Other\n',
      ).accepted,
    ).toEqual([]);
  });

  it('changes only the listed British words: a tour is no Tor', () => {
    expect(
      ruleSays(
        'exact-title',
        '# Plan\n## Tor relays\n',
        '# T\n## Tour relays\n## Other\n',
      ).accepted,
    ).toEqual([]);
  });
});
