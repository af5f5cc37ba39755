import { describe, expect, it } from 'vitest';

import { sourceFromText } from '../src/input/read.js';
import { buildOutline } from '../src/plan/outline.js';
import { md } from './helpers.js';

function outline(text: string) {
  return buildOutline(sourceFromText('plan.md', text));
}

function headings(text: string) {
  return outline(text).sections.map(
    ({ title, depth, startLine, endLine, parent }) => ({
      title,
      depth,
      startLine,
      endLine,
      parent,
    }),
  );
}

describe('plan outline', () => {
  it('gives ATX and setext headings their line ranges and parents', () => {
    const text = md`
      # Plan
      intro

      ## Week 1
      ### Task A
      text
      ### Task B

      Week 2
      ------
      body
    `;

    expect(headings(text)).toEqual([
      { title: 'Plan', depth: 1, startLine: 1, endLine: 11, parent: null },
      { title: 'Week 1', depth: 2, startLine: 4, endLine: 8, parent: 0 },
      { title: 'Task A', depth: 3, startLine: 5, endLine: 6, parent: 1 },
      { title: 'Task B', depth: 3, startLine: 7, endLine: 8, parent: 1 },
      { title: 'Week 2', depth: 2, startLine: 9, endLine: 11, parent: 0 },
    ]);
  });

  it('never takes # lines in code, HTML comments or front matter for headings', () => {
    const text = md`
      ---
      title: "# not a heading"
      ---
      # Real
      \`\`\`bash
      # install the driver
      ## also a comment
      \`\`\`
      <!--
      # commented out
      -->
          # indented code
      \`\`\`markdown
      ## Heading inside a fenced markdown block
      \`\`\`
      ## Also real
    `;

    expect(
      headings(text).map((section) => [section.title, section.startLine]),
    ).toEqual([
      ['Real', 4],
      ['Also real', 16],
    ]);
  });

  it('counts CRLF lines like an editor and keeps a BOM out of the count', () => {
    const text = '\uFEFF# One\r\n\r\ntext\r\n## Two\r\nmore\r\n';
    const result = outline(text);

    expect(result.file.lines).toBe(5);
    expect(
      result.sections.map((section) => [
        section.title,
        section.startLine,
        section.endLine,
      ]),
    ).toEqual([
      ['One', 1, 5],
      ['Two', 4, 5],
    ]);
  });

  it('keeps decorations in the title as plain text: emoji, bold, links, code', () => {
    const text =
      '### 🐳 **Docker** [Swarm](https://x.y) `rolling` (30 Minutes) 🟡\n';
    expect(outline(text).sections[0].title).toBe(
      '🐳 Docker Swarm rolling (30 Minutes) 🟡',
    );
  });

  it('sorts body blocks into prose, lists, checklists, tables of contents and summary tables', () => {
    const text = md`
      # Plan
      ## Table of Contents
      - [Vault](#vault)
      ## Vault
      Vault keeps the secrets.
      - rotate keys
      - [ ] Add audit logging
      ## Summary
      | Component | Status |
      |---|---|
      | Vault | done |
    `;

    expect(
      outline(text).blocks.map((block) => [block.kind, block.line, block.text]),
    ).toEqual([
      ['toc', 3, 'Vault'],
      ['prose', 5, 'Vault keeps the secrets.'],
      ['list', 6, 'rotate keys'],
      ['checklist', 7, 'Add audit logging'],
      ['summary-table', 11, 'Vault | done'],
    ]);
  });

  it('reads a line of in-page links as a table of contents, a sentence with links as prose', () => {
    const text = md`
      # Plan
      Contents: [Goals](#goals) · [Non-goals](#non-goals) · [Design](#design)

      The [goals](#goals) and the [design](#design) were agreed in review last week.
      ## Goals
    `;

    const kinds = outline(text).blocks.map((block) => [block.kind, block.line]);
    expect(kinds).toEqual([
      ['toc', 2],
      ['prose', 4],
    ]);
  });

  it('calls a table that repeats section titles a summary table wherever it stands', () => {
    const text = md`
      # Plan
      ## Vault
      ## Grafana
      ## Notes
      | Component | Week |
      |---|---|
      | Vault | 1 |
      | Grafana | 2 |
    `;

    const kinds = outline(text).blocks.map((block) => block.kind);
    expect(kinds).toEqual(['summary-table', 'summary-table']);
  });
});
