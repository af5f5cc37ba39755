import { describe, expect, it } from 'vitest';

import { extractGapItems } from '../../src/gaps/extract.js';
import { sourceFromText } from '../../src/input/read.js';
import { renderStub, stubBody, stubHeading } from '../../src/fix/stub.js';
import {
  DEFAULT_STUB_TEMPLATE,
  renderTemplate,
  templateProblem,
  type StubValues,
} from '../../src/fix/template.js';
import { md } from '../helpers.js';

function itemsOf(gaps: string) {
  return extractGapItems(sourceFromText('gaps.md', gaps)).items;
}

const ID_HEADINGS = md`
  # Gap analysis

  ## 🟠 HIGH PRIORITY

  ### Gap 8: Distributed Tracing (2 Hours) 🟠

  **Current State**: Logs only.
  **Missing**: OpenTelemetry spans across gateway, API and worker.
  **Impact**: Slow requests cannot be followed.

  ---

  ### Gap 9: Input Validation (1 Hour)
`;

const TABLE = md`
  # Review

  | #  | Component           | Priority | Reviewer note            |
  |----|---------------------|----------|--------------------------|
  | 1  | Experiment tracking | High     | Every run traceable      |
  | 2  | Model Checkpointing | High     |                          |
`;

describe('stubHeading', () => {
  it('gives id, title and estimate as the gap list has them', () => {
    const [tracing, validation] = itemsOf(ID_HEADINGS);
    expect(stubHeading(tracing)).toBe('Gap 8: Distributed Tracing (2 Hours)');
    expect(stubHeading(validation)).toBe('Gap 9: Input Validation (1 Hour)');
  });

  it('leaves out a row number that would read as outline numbering', () => {
    const [tracking] = itemsOf(TABLE);
    expect(tracking.id).toBe('1');
    expect(stubHeading(tracking)).toBe('Experiment tracking');
  });
});

describe('stubBody', () => {
  it('keeps the fields below an item heading as written, without the closing rule', () => {
    const [tracing] = itemsOf(ID_HEADINGS);
    expect(stubBody(tracing)).toBe(
      [
        '**Current State**: Logs only.',
        '**Missing**: OpenTelemetry spans across gateway, API and worker.',
        '**Impact**: Slow requests cannot be followed.',
      ].join('\n'),
    );
  });

  it('lists the other cells of a table row, skipping empty ones', () => {
    const [tracking, checkpointing] = itemsOf(TABLE);
    expect(stubBody(tracking)).toBe(
      '- \\#: 1\n- Priority: High\n- Reviewer note: Every run traceable',
    );
    expect(stubBody(checkpointing)).toBe('- \\#: 2\n- Priority: High');
  });

  it('drops a list item line that only repeats the title and escapes block markers', () => {
    const items = itemsOf(md`
      # Review

      ## High priority

      1. Define a rollback path for every phase.
      2. **Probes**: readiness and liveness
         - \`#\` not a heading, \`1.\` not a list
    `);
    expect(stubBody(items[0])).toBe('');
    expect(stubBody(items[1])).toBe(
      '- readiness and liveness\n- \\# not a heading, 1. not a list',
    );
  });
});

describe('renderStub with the default template', () => {
  it('is the heading, the fields and the note', () => {
    const [tracing] = itemsOf(ID_HEADINGS);
    expect(
      renderStub(DEFAULT_STUB_TEMPLATE, tracing, {
        depth: 3,
        origin: 'gaps.md:5',
      }),
    ).toEqual([
      '### Gap 8: Distributed Tracing (2 Hours)',
      '',
      '**Current State**: Logs only.',
      '**Missing**: OpenTelemetry spans across gateway, API and worker.',
      '**Impact**: Slow requests cannot be followed.',
      '',
      '> **To write:** plan-audit added this stub from the gap list (gaps.md:5).',
      '> Replace this note with how the plan covers the item.',
    ]);
  });

  it('has no empty gap where an item has no fields', () => {
    const [, validation] = itemsOf(ID_HEADINGS);
    expect(
      renderStub(DEFAULT_STUB_TEMPLATE, validation, {
        depth: 2,
        origin: 'gaps.md:14',
      }),
    ).toEqual([
      '## Gap 9: Input Validation (1 Hour)',
      '',
      '> **To write:** plan-audit added this stub from the gap list (gaps.md:14).',
      '> Replace this note with how the plan covers the item.',
    ]);
  });
});

describe('templates', () => {
  const values: StubValues = {
    hashes: '##',
    heading: 'Gap 1: A',
    id: 'Gap 1',
    title: 'A',
    estimate: '',
    priority: 'high',
    label: 'Gap 1 A',
    body: '',
    origin: 'gaps.md:3',
  };

  it('folds the blank lines around an empty placeholder line', () => {
    expect(
      renderTemplate(
        '{{hashes}} {{title}}\n\n{{body}}\n\n{{estimate}}\n\nEnd ({{priority}})\n',
        values,
      ),
    ).toEqual(['## A', '', 'End (high)']);
  });

  it.each([
    ['{{hashes}} {{heading}}\n{{nope}}', 'unknown placeholder {{nope}}'],
    ['Intro\n{{hashes}} {{heading}}', 'the first line must be the heading'],
    [
      '{{hashes}} To do\n{{title}}',
      'the heading line must contain {{heading}} or {{title}}',
    ],
  ])('rejects %j', (template, problem) => {
    expect(templateProblem(template)).toContain(problem);
  });

  it('accepts the default template and one with spaces in placeholders', () => {
    expect(templateProblem(DEFAULT_STUB_TEMPLATE)).toBeNull();
    expect(templateProblem('{{ hashes }} {{ title }} [{{id}}]')).toBeNull();
  });
});
