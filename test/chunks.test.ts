import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { generatePlan } from '../bench/generate.mjs';
import { sourceFromText } from '../src/input/read.js';
import { findCuts } from '../src/plan/cuts.js';
import { buildOutline } from '../src/plan/outline.js';
import { buildOutlineInParallel } from '../src/plan/parallel.js';
import { md } from './helpers.js';

const CORPUS = join(import.meta.dirname, 'corpus');

/** Every corpus plan, as [name, text]. */
function corpusPlans(): [string, string][] {
  const splits = ['dev', 'holdout'];
  return splits.flatMap((split) =>
    readdirSync(join(CORPUS, split)).map((pair): [string, string] => [
      `${split}/${pair}`,
      readFileSync(join(CORPUS, split, pair, 'plan.md'), 'utf8'),
    ]),
  );
}

/** The outline cut at every safe line, outlined piece by piece here. */
function chunked(text: string) {
  return buildOutlineInParallel(sourceFromText('plan.md', text), {
    threads: 0,
    minChunkLength: 1,
  });
}

function cutLines(text: string): number[] {
  return findCuts(text).map((cut) => cut.line);
}

/** Headings, code, HTML and front matter placed to tempt a wrong cut. */
const TRICKY = md`
  ---
  title: Tricky
  # owner: not a heading
  ---

  # Part 1

  Intro with a [link](#part-2).

  \`\`\`bash
  # a shell comment, not a heading
  echo hi
  \`\`\`
  # Part 2

  ~~~~
  ~~~
  # still code: the fence above is shorter
  ~~~~
  # Part 3

  <!--
  # commented out
  -->

  # Part 4
  Setext inside part 4
  ====================

  - item
    - nested
  # Part 5

  | Part 1 | x |
  | --- | --- |
  | Part 2 | y |
  | Part 3 | z |

  > quoted
  # Part 6
  Contents
  --------
  - [Part 1](#part-1)
  - [ ] a task
`;

describe('cutting a plan at level-1 headings', () => {
  it('cuts before level-1 headings outside code, HTML and front matter', () => {
    const lines = TRICKY.split('\n');
    const expected = [
      '# Part 1',
      '# Part 2',
      '# Part 3',
      '# Part 4',
      '# Part 5',
      '# Part 6',
    ].map((heading) => lines.indexOf(heading) + 1);

    expect(cutLines(TRICKY)).toEqual(expected);
  });

  it('finds the same lines with CR LF endings', () => {
    expect(cutLines(TRICKY.replace(/\n/g, '\r\n'))).toEqual(cutLines(TRICKY));
  });

  it('does not cut a plan with link or footnote definitions', () => {
    expect(
      cutLines('# A\n\nSee [x].\n\n# B\n\n[x]: https://example.com\n'),
    ).toEqual([]);
    expect(cutLines('# A\n\nNote[^1].\n\n# B\n\n[^1]: The note.\n')).toEqual(
      [],
    );
  });

  it('does not cut inside front matter that never closes', () => {
    expect(cutLines('---\ntitle: x\n# A\n\n# B\n')).toEqual([]);
  });

  it('stops cutting where an indented fence may belong to a list item', () => {
    const text = md`
      # A

      - item
        \`\`\`
        code
      # B
      \`\`\`
      # not a heading if the fence above was open
      \`\`\`
      # C
    `;

    expect(cutLines(text)).toEqual([]);
  });
});

describe('outlining a plan in chunks', () => {
  it('gives the same outline as one parse on tricky Markdown', async () => {
    const plan = sourceFromText('plan.md', TRICKY);
    const whole = buildOutline(plan);

    expect(cutLines(TRICKY).length).toBeGreaterThan(3);
    expect(await chunked(TRICKY)).toEqual(whole);
    expect(
      whole.blocks.filter((block) => block.kind === 'summary-table'),
    ).toHaveLength(2);
  });

  it('gives the same outline with CR LF line endings', async () => {
    const text = TRICKY.replace(/\n/g, '\r\n');
    expect(await chunked(text)).toEqual(
      buildOutline(sourceFromText('plan.md', text)),
    );
  });

  it.each(corpusPlans())(
    'gives the same outline on corpus plan %s',
    async (_name, text) => {
      expect(await chunked(text)).toEqual(
        buildOutline(sourceFromText('plan.md', text)),
      );
    },
  );

  it('gives the same outline on a generated plan, in worker threads', async () => {
    const { text } = generatePlan(4000);
    const plan = sourceFromText('plan.md', text);
    const progress: number[] = [];
    const parallel = await buildOutlineInParallel(plan, {
      threads: 2,
      minChunkLength: 20_000,
      onProgress: (done) => progress.push(done),
    });

    expect(progress.length).toBeGreaterThan(2);
    expect(parallel).toEqual(buildOutline(plan));
  });

  it('outlines the chunks on this thread when worker threads cannot start', () => {
    // Worker threads inherit Node's flags and refuse --input-type, so a
    // program run as `node --input-type=module -e` cannot start any.
    const { text } = generatePlan(4000);
    const file = join(mkdtempSync(join(tmpdir(), 'plan-audit-')), 'plan.md');
    writeFileSync(file, text);
    const parallel = join(import.meta.dirname, '..', 'dist/plan/parallel.js');
    const program = `
      import { readFileSync } from 'node:fs';
      const { buildOutlineInParallel } = await import(${JSON.stringify(parallel)});
      const file = { path: 'plan.md', text: readFileSync(process.argv[1], 'utf8') };
      const outline = await buildOutlineInParallel(file, { threads: 2, minChunkLength: 20000 });
      const rows = outline.sections.map((section) => [
        section.startLine,
        section.title,
      ]);
      console.log(JSON.stringify(rows));
    `;
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', program, file],
      { encoding: 'utf8' },
    );

    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(
      buildOutline(sourceFromText('plan.md', text)).sections.map((section) => [
        section.startLine,
        section.title,
      ]),
    );
  });
});
