import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { md, runCli, tempFiles } from '../helpers.js';
import { hasStackTrace, runBin, snapshot } from '../process-helpers.js';

const PLAN = md`
  # Plan

  ## Rate Limiting

  A token bucket per client, 100 requests a minute.
`;

const GAPS = md`
  # Gaps

  ## Gap 1: Rate Limiting

  The API needs limits per client.
`;

interface BadInput {
  name: string;
  /** Files of the folder the run starts in, besides plan.md and gaps.md. */
  files?: Record<string, string | Buffer>;
  /** Links, folders and the like that tempFiles cannot write. */
  prepare?: (folder: string) => void;
  args: string[];
  /** What standard input holds. */
  input?: string;
  /** Every line of stderr, without the "plan-audit: " prefix. */
  lines: Array<string | RegExp>;
  /** False for cases whose own arguments spoil `--format json`. */
  json?: boolean;
}

const deepQuote = `# Plan\n\n${'>'.repeat(10_000)} deep\n`;

const BAD_INPUTS: BadInput[] = [
  {
    name: 'a plan that does not exist',
    args: ['nope.md', 'gaps.md'],
    lines: ['nope.md: no such file'],
  },
  {
    name: 'a gap list below a file, not a folder',
    args: ['plan.md', 'plan.md/gaps.md'],
    lines: [
      'plan.md/gaps.md: no such file (a part of the path is not a folder)',
    ],
  },
  {
    name: 'a folder as the gap list',
    prepare: (folder) => mkdirSync(join(folder, 'docs')),
    args: ['plan.md', 'docs'],
    lines: ['docs: is a folder, expected a Markdown file'],
  },
  {
    name: 'a plan folder without Markdown files',
    prepare: (folder) => mkdirSync(join(folder, 'docs')),
    args: ['docs', 'gaps.md'],
    lines: [
      'docs: is a folder without Markdown files (*.md); expected the plan',
    ],
  },
  {
    name: 'an empty file',
    files: { 'empty.md': '' },
    args: ['empty.md', 'gaps.md'],
    lines: ['empty.md: is empty'],
  },
  {
    name: 'a file of blank lines',
    files: { 'blank.md': '\n  \r\n\t\n' },
    args: ['plan.md', 'blank.md'],
    lines: ['blank.md: is empty (blank lines only)'],
  },
  {
    name: 'a binary file',
    files: {
      'logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]),
    },
    args: ['logo.md', 'gaps.md'],
    lines: ['logo.md: is binary (a NUL byte at offset 4), not Markdown'],
  },
  {
    name: 'invalid UTF-8 (Latin-1)',
    files: { 'latin1.md': Buffer.from('# Plan\n\n## Caf\xe9\n', 'latin1') },
    args: ['latin1.md', 'gaps.md'],
    lines: [
      'latin1.md: is not valid UTF-8 (line 3, byte offset 14); save it as UTF-8',
    ],
  },
  {
    name: 'UTF-16 with a byte order mark',
    files: {
      'wide.md': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(PLAN, 'utf16le'),
      ]),
    },
    args: ['wide.md', 'gaps.md'],
    lines: [
      'wide.md: is UTF-16 text; save it as UTF-8 (plan-audit reads UTF-8 only)',
    ],
  },
  {
    name: 'UTF-16 without a byte order mark',
    files: { 'wide.md': Buffer.from(GAPS, 'utf16le') },
    args: ['plan.md', 'wide.md'],
    lines: [
      'wide.md: is UTF-16 (without a byte order mark) text; ' +
        'save it as UTF-8 (plan-audit reads UTF-8 only)',
    ],
  },
  {
    name: 'a gap list without items',
    files: {
      'notes.md': 'Just a paragraph of notes, no headings, tables or lists.\n',
    },
    args: ['plan.md', 'notes.md'],
    lines: [
      new RegExp(
        '^notes\\.md: no gap items found \\(looked for headings with an id such as "Gap 8:"' +
          '.*; headings below the document title \\(a template\\)\\)$',
      ),
    ],
  },
  {
    name: 'the same file twice',
    args: ['plan.md', 'plan.md'],
    lines: [
      'plan.md: is given as both the plan and the gap list; pass two different files',
    ],
  },
  {
    name: 'the same file through a symbolic link',
    prepare: (folder) => symlinkSync('plan.md', join(folder, 'link.md')),
    args: ['plan.md', 'link.md'],
    lines: [
      'link.md: is given as both the plan and the gap list; pass two different files',
    ],
  },
  {
    name: 'the same file through a hard link',
    prepare: (folder) =>
      linkSync(join(folder, 'plan.md'), join(folder, 'copy.md')),
    args: ['plan.md', 'copy.md'],
    lines: [
      'copy.md: is given as both the plan and the gap list; pass two different files',
    ],
  },
  {
    name: 'a file name with a newline and an escape sequence',
    args: ['new\nline\u001b[31m.md', 'gaps.md'],
    lines: ['new\\nline\\u001b[31m.md: no such file'],
  },
  {
    name: 'an unknown option',
    args: ['plan.md', 'gaps.md', '--bogus'],
    lines: ["unknown option '--bogus' (see --help)"],
  },
  {
    name: 'a missing argument',
    args: ['plan.md'],
    lines: [
      "missing required argument 'gaps': give the plan, then the gap list",
    ],
  },
  {
    name: 'an unknown format',
    args: ['plan.md', 'gaps.md', '--format', 'xml'],
    lines: [
      "option '-f, --format <format>' argument 'xml' is invalid. " +
        'expected one of text, json, sarif, junit, github, markdown, compact (see --help)',
    ],
    json: false,
  },
  {
    name: 'a size limit that is not a number',
    args: ['plan.md', 'gaps.md', '--max-size', 'ten'],
    lines: [
      "option '--max-size <MB>' argument 'ten' is invalid. " +
        'expected a number of megabytes greater than 0 (see --help)',
    ],
  },
  {
    name: 'a plan over the size limit',
    files: { 'big.md': `# Plan\n\n${'x'.repeat(2_000_000 - 9)}\n` },
    args: ['big.md', 'gaps.md', '--max-size', '1.5'],
    lines: [
      'big.md: is 2 MB, over the 1.5 MB size limit (raise it with --max-size 2)',
    ],
  },
  {
    name: 'standard input over the size limit',
    args: ['-', 'gaps.md', '--max-size', '1'],
    input: 'x'.repeat(1_500_000),
    lines: [
      '<stdin>: is larger than the 1 MB size limit (raise it with --max-size <MB>)',
    ],
    // In-process runs have no standard input to read.
    json: false,
  },
  {
    name: 'a device without end',
    args: ['plan.md', '/dev/zero'],
    lines: [
      '/dev/zero: is larger than the 10 MB size limit (raise it with --max-size <MB>)',
    ],
  },
  {
    name: 'block quotes nested 10,000 levels deep',
    files: { 'deep.md': deepQuote },
    args: ['deep.md', 'gaps.md'],
    lines: [
      'deep.md: nests lists or block quotes up to 10000 levels deep at line 3; ' +
        'plan-audit reads at most 100 levels',
    ],
  },
  {
    name: 'lists nested 10,000 levels deep',
    files: { 'deep.md': `# Gaps\n\n${'- '.repeat(10_000)}Gap 1: deep\n` },
    args: ['plan.md', 'deep.md'],
    lines: [
      'deep.md: nests lists or block quotes up to 10000 levels deep at line 3; ' +
        'plan-audit reads at most 100 levels',
    ],
  },
  {
    name: 'a rule folder that does not exist',
    args: ['plan.md', 'gaps.md', '--rules', 'my-rules'],
    lines: ['my-rules: no such rule file or folder'],
  },
  {
    name: 'malformed YAML in a rule file',
    files: {
      'exact-title.yml': 'kind: exact-title\noptions: [confidence: 1\n',
    },
    args: ['plan.md', 'gaps.md', '--rules', 'exact-title.yml'],
    lines: [/^exact-title\.yml:3: invalid YAML: .+/],
  },
  {
    name: 'malformed YAML in the config file',
    files: { '.plan-audit.yml': 'failOn: [missing\nminScore: 70\n' },
    args: ['plan.md', 'gaps.md'],
    lines: [/^\/.+\/\.plan-audit\.yml:2: invalid YAML: .+/],
  },
  {
    name: 'a rule file that is not UTF-8',
    files: {
      'gap-id.yml': Buffer.from(
        'kind: gap-id\ndescription: caf\xe9\n',
        'latin1',
      ),
    },
    args: ['plan.md', 'gaps.md', '--rules', 'gap-id.yml'],
    lines: [
      'gap-id.yml: is not valid UTF-8 (line 2, byte offset 29); save it as UTF-8',
    ],
  },
  {
    name: 'a rule file with unknown keys and options',
    files: {
      'gap-id.yml':
        'kind: gap-id\nweight: 2\noptions:\n  confidence: 1\n  __proto__: { polluted: true }\n',
    },
    args: ['plan.md', 'gaps.md', '--rules', 'gap-id.yml'],
    lines: [
      'gap-id.yml:2: unknown key "weight" (expected kind, description, enabled, options, docs)',
      'gap-id.yml:5: unknown option "__proto__" (expected one of: confidence)',
    ],
  },
  {
    name: 'a rule file whose aliases expand without bound',
    files: {
      'gap-id.yml': [
        'kind: gap-id',
        'description: a billion laughs',
        'options:',
        '  a: &a [x, x, x, x, x, x, x, x, x, x]',
        '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        '',
      ].join('\n'),
    },
    args: ['plan.md', 'gaps.md', '--rules', 'gap-id.yml'],
    lines: [
      'gap-id.yml:1: cannot be expanded: Excessive alias count indicates a resource' +
        ' exhaustion attack',
    ],
  },
];

describe('bad input through the built CLI', () => {
  it('accepts the good pair the cases start from', () => {
    const folder = tempFiles({ 'plan.md': PLAN, 'gaps.md': GAPS });
    const result = runBin(['plan.md', 'gaps.md'], { cwd: folder });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  describe.each(BAD_INPUTS)('$name', (input) => {
    const setUp = () => {
      const folder = tempFiles({
        'plan.md': PLAN,
        'gaps.md': GAPS,
        ...input.files,
      });
      input.prepare?.(folder);
      return { folder, before: snapshot(folder) };
    };

    it('prints one clear line per problem and exits 2, changing nothing', () => {
      const { folder, before } = setUp();
      const result = runBin(input.args, { cwd: folder, input: input.input });

      const lines = result.stderr.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(input.lines.length);
      lines.forEach((line, index) => {
        expect(line.startsWith('plan-audit: ')).toBe(true);
        expect(line.slice('plan-audit: '.length)).toMatch(
          exactly(input.lines[index]),
        );
      });
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(snapshot(folder)).toEqual(before);
    });

    // In-process, to keep the suite fast: the process wiring is covered
    // above, and what --format json adds is decided in main().
    it.skipIf(input.json === false)(
      'prints the error as JSON on stdout with --format json',
      async () => {
        const { folder, before } = setUp();
        const result = await inFolder(folder, () =>
          runCli([...input.args, '--format', 'json']),
        );

        const report = JSON.parse(result.stdout) as {
          exitCode: number;
          error: { message: string };
        };
        const expected = result.stderr
          .trimEnd()
          .split('\n')
          .map((line) => line.slice('plan-audit: '.length));
        expect(expected).toHaveLength(input.lines.length);
        expect(report.exitCode).toBe(2);
        expect(report.error.message).toBe(expected.join('\n'));
        expect(result.code).toBe(2);
        expect(snapshot(folder)).toEqual(before);
      },
    );
  });
});

async function inFolder<T>(
  folder: string,
  action: () => Promise<T>,
): Promise<T> {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    return await action();
  } finally {
    process.chdir(previous);
  }
}

function exactly(line: string | RegExp): RegExp {
  if (line instanceof RegExp) return line;
  return new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
