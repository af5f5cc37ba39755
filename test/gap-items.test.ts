import { describe, expect, it } from 'vitest';

import { extractGapItems } from '../src/gaps/extract.js';
import { sourceFromText } from '../src/input/read.js';
import { parseDecoratedTitle } from '../src/text/decorations.js';
import { md } from './helpers.js';

function items(text: string) {
  return extractGapItems(sourceFromText('gaps.md', text));
}

function brief(text: string) {
  return items(text).items.map(
    ({ id, title, line, priority, optional, estimate, remove }) => ({
      id,
      title,
      line,
      priority,
      optional,
      estimate,
      remove,
    }),
  );
}

describe('decorated titles', () => {
  it.each([
    [
      'Gap 8: Docker Swarm Rolling Updates (30 Minutes) 🟡🟡🟡',
      'Gap 8',
      'Docker Swarm Rolling Updates',
      '30 Minutes',
    ],
    ['❌ Gap 15: Ray Serve - REMOVE!', 'Gap 15', 'Ray Serve', null],
    [
      '7.2 ⚠️ CORRECTED **Vault** Secrets (2 Hours)',
      null,
      'Vault Secrets',
      '2 Hours',
    ],
    ['REQ-12 — Audit logging [3 pts]', 'REQ-12', 'Audit logging', '3 pts'],
    [
      '[GAP-8] Docker Swarm Rolling Updates',
      'GAP-8',
      'Docker Swarm Rolling Updates',
      null,
    ],
    ['G-08: Audit trail', 'G-08', 'Audit trail', null],
    ['R-3.2 Audit trail', 'R-3.2', 'Audit trail', null],
    ['X-Ray support', null, 'X-Ray support', null],
    [
      'Security Considerations (Optional)',
      null,
      'Security Considerations',
      null,
    ],
  ])('%s', (raw, id, title, estimate) => {
    const parsed = parseDecoratedTitle(raw);
    expect([parsed.id, parsed.title, parsed.estimate]).toEqual([
      id,
      title,
      estimate,
    ]);
  });

  it('reads removal marks and optional marks', () => {
    expect(parseDecoratedTitle('❌ Gap 15: Ray Serve - REMOVE!').remove).toBe(
      true,
    );
    expect(parseDecoratedTitle('Gap 3: Remote cache').remove).toBe(false);
    expect(parseDecoratedTitle('Alternatives (Optional)').optional).toBe(true);
  });

  it('reads a pointer to another item with a note after a semicolon', () => {
    const noted = parseDecoratedTitle(
      'Flight-time legality (same as CR-01; added again by Flight Ops)',
    );
    expect([noted.seeAlso, noted.title]).toEqual([
      'CR-01',
      'Flight-time legality',
    ]);

    const different = parseDecoratedTitle(
      'Dark mode (same as Gap 3, but for mobile)',
    );
    expect(different.seeAlso).toBeNull();
  });

  it.each([
    ['Ray Serve — drop', 'Ray Serve'],
    ['Ray Serve (not needed for v1)', 'Ray Serve'],
    ['Legacy SOAP API: REMOVED', 'Legacy SOAP API'],
    ['REQ-17 Remove the legacy PayFlow gateway', 'the legacy PayFlow gateway'],
  ])('reads "%s" as a removal of "%s"', (raw, title) => {
    const parsed = parseDecoratedTitle(raw);
    expect([parsed.remove, parsed.title]).toEqual([true, title]);
  });

  it.each([
    'Drag-and-drop rescheduling in the console',
    'Dropped frames monitoring',
    'How long is data kept, and how is it deleted?',
  ])('keeps the removal word of "%s" as a word of the title', (raw) => {
    const parsed = parseDecoratedTitle(raw);
    expect([parsed.remove, parsed.title]).toEqual([false, raw]);
  });
});

describe('gap items', () => {
  it('takes headings with an id, with priorities from markers and group headings', () => {
    const text = md`
      # What is missing

      ## 🔴 CRITICAL
      ### Gap 1: vLLM Continuous Batching (2 Hours)
      **Current State**: none
      ### Gap 2: Arize Phoenix Observability 🟠
      ## HIGH PRIORITY
      ### Gap 3: Vault Secrets Management
      **Priority**: 🟢 LOW
      ## Notes
      ### Gap 4: Health Checks
      ### ❌ Gap 5: Ray Serve - REMOVE!
    `;

    expect(items(text).strategy).toBe('id-heading');
    expect(brief(text)).toEqual([
      {
        id: 'Gap 1',
        title: 'vLLM Continuous Batching',
        line: 4,
        priority: 'critical',
        optional: false,
        estimate: '2 Hours',
        remove: false,
      },
      {
        id: 'Gap 2',
        title: 'Arize Phoenix Observability',
        line: 6,
        priority: 'high',
        optional: false,
        estimate: null,
        remove: false,
      },
      {
        id: 'Gap 3',
        title: 'Vault Secrets Management',
        line: 8,
        priority: 'low',
        optional: false,
        estimate: null,
        remove: false,
      },
      {
        id: 'Gap 4',
        title: 'Health Checks',
        line: 11,
        priority: 'medium',
        optional: false,
        estimate: null,
        remove: false,
      },
      {
        id: 'Gap 5',
        title: 'Ray Serve',
        line: 12,
        priority: 'medium',
        optional: false,
        estimate: null,
        remove: true,
      },
    ]);
  });

  it('keeps the body of an id heading for later evidence', () => {
    const text = md`
      ### Gap 1: Progressive Deployment Strategy
      **Missing**: Rolling updates with Docker Swarm
      ### Gap 2: Other
    `;
    expect(items(text).items[0].body).toContain(
      'Rolling updates with Docker Swarm',
    );
  });

  it('takes rows of a requirements table, with the Priority column', () => {
    const text = md`
      # Requirements

      | ID | Requirement | Priority | Owner |
      |----|-------------|----------|-------|
      | R1 | Rate limiting | P0 | api |
      | R2 | **Audit log** | Nice to have | sec |
      | R3 | Dark mode | | ui |
    `;

    expect(items(text).strategy).toBe('table-row');
    expect(
      brief(text).map(({ id, title, line, priority }) => [
        id,
        title,
        line,
        priority,
      ]),
    ).toEqual([
      ['R1', 'Rate limiting', 5, 'critical'],
      ['R2', 'Audit log', 6, 'low'],
      ['R3', 'Dark mode', 7, 'medium'],
    ]);
  });

  it.each([
    // The gap, not the area that groups it.
    ['| Area | Gap | Severity |', '| API | Rate limiting | High |'],
    // A description when no column names the item.
    ['| # | Description | Priority |', '| 1 | Rate limiting | High |'],
    ['| Missing piece | Owner | Priority |', '| Rate limiting | api | High |'],
  ])('takes the item of a "%s" table', (header, row) => {
    const text = ['# Gaps', '', header, '|---|---|---|', row, ''].join('\n');
    expect(brief(text).map(({ title }) => title)).toEqual(['Rate limiting']);
  });

  it('reads a row whose struck title a note follows as a removal', () => {
    const text = md`
      # Requirements

      | ID | Requirement | Priority |
      |----|-------------|----------|
      | IR-17 | Over-the-air firmware updates | P2 |
      | ~~IR-18~~ | ~~Drone NDVI imagery overlays~~ — cut at the workshop | ~~P3~~ |
      | IR-19 | Export as ~~PDF~~ CSV files for the agronomists | P1 |
    `;

    expect(brief(text).map(({ id, remove }) => [id, remove])).toEqual([
      ['IR-17', false],
      ['IR-18', true],
      ['IR-19', false],
    ]);
  });

  it('reads a lone title with a project code as the title of its table', () => {
    const text = md`
      # NEPHRO-3 data capture: requirements

      | ID | Requirement | Priority |
      |----|-------------|----------|
      | EDC-01 | Audit trail of data changes | 🔴 Critical |
      | EDC-02 | Database lock procedure | 🟡 Medium |
    `;

    expect(items(text).strategy).toBe('table-row');
    expect(brief(text).map(({ title, line }) => [title, line])).toEqual([
      ['Audit trail of data changes', 5],
      ['Database lock procedure', 6],
    ]);
  });

  it('still reads a lone id heading without a table or list as an item', () => {
    const text = md`
      # Gap 1: Rate limiting

      Every public endpoint needs a limit.
    `;

    expect(items(text).strategy).toBe('id-heading');
    expect(brief(text).map(({ id, title }) => [id, title])).toEqual([
      ['Gap 1', 'Rate limiting'],
    ]);
  });

  it('takes the items of a bullet list that is the whole gap list', () => {
    const titled = md`
      # Launch checklist

      - Rate limiting
      - [x] Audit log
      - Dark mode
    `;
    expect(brief(titled).map(({ title, line }) => [title, line])).toEqual([
      ['Rate limiting', 3],
      ['Dark mode', 5],
    ]);
    expect(brief('- Rate limiting\n- Dark mode\n')).toHaveLength(2);
  });

  it('takes the list under a heading that says it is what is missing', () => {
    const text = md`
      # Review of the plan
      ## Still missing:
      - [ ] Rate limiting
      - [ ] Audit log
      ## Notes
      - the plan reads well
    `;
    expect(items(text).strategy).toBe('list-item');
    expect(brief(text).map(({ title }) => title)).toEqual([
      'Rate limiting',
      'Audit log',
    ]);
  });

  it('leaves bullets under a heading of a larger document alone', () => {
    const text = md`
      # RFC template
      ## Summary
      - one paragraph
      - no more
      ## Motivation
    `;
    expect(items(text).strategy).toBe('template-heading');
    expect(brief(text).map(({ title }) => title)).toEqual([
      'Summary',
      'Motivation',
    ]);
  });

  it('takes a numbered list under a lone title', () => {
    const text = md`
      # Launch checklist

      1. Rate limiting
      2. Audit log
    `;

    expect(brief(text).map(({ title }) => title)).toEqual([
      'Rate limiting',
      'Audit log',
    ]);
  });

  it('reads a template of required sections, marking (Optional) ones', () => {
    const text = md`
      # Design doc template
      ## Summary
      ## Goals
      ### Non-Goals
      ## Security Considerations (Optional)
    `;

    expect(items(text).strategy).toBe('template-heading');
    expect(
      brief(text).map(({ title, line, optional }) => [title, line, optional]),
    ).toEqual([
      ['Summary', 2, false],
      ['Goals', 3, false],
      ['Non-Goals', 4, false],
      ['Security Considerations', 5, true],
    ]);
  });

  it('takes list items under priority headings', () => {
    const text = md`
      # Roadmap gaps
      ## High priority
      1. Rate limiting — the public API has none
      2. **Audit log**: who changed what
      ## Low priority
      - Dark mode
      - An EU representative under Art. 27. We are established in Ireland.
    `;

    expect(items(text).strategy).toBe('list-item');
    expect(
      brief(text).map(({ title, line, priority }) => [title, line, priority]),
    ).toEqual([
      ['Rate limiting', 3, 'high'],
      ['Audit log', 4, 'high'],
      ['Dark mode', 6, 'low'],
      ['An EU representative under Art. 27', 7, 'low'],
    ]);
  });

  it('reads a questionnaire of bold questions whole, though one group is a plain removal list', () => {
    const text = md`
      # Production readiness review
      ## Capacity
      * **How does the service autoscale?**
      * **What happens under overload?** 🔴
      ## Not needed (remove from the design if present)
      * **~~Multi-region active-active serving~~** — one region for v1
    `;

    expect(items(text).strategy).toBe('bold-heading');
    expect(
      brief(text).map(({ title, priority, remove }) => [
        title,
        priority,
        remove,
      ]),
    ).toEqual([
      ['How does the service autoscale?', 'medium', false],
      ['What happens under overload?', 'critical', false],
      ['Multi-region active-active serving', 'medium', true],
    ]);
  });

  it('does not read "High Availability" as a priority group', () => {
    const text = md`
      # Template
      ## High Availability
      ## Low Latency Serving
    `;
    expect(brief(text).map(({ title, priority }) => [title, priority])).toEqual(
      [
        ['High Availability', 'medium'],
        ['Low Latency Serving', 'medium'],
      ],
    );
  });

  it('refuses a gap list without items and says what it looked for', () => {
    expect(() => items('Just a paragraph.\n')).toThrow(
      /no gap items found \(looked for headings with an id/,
    );
  });
});
