/**
 * `npm run bench`: generate plans and gap lists, then time the whole CLI
 * and the bare remark baseline on each, by turns, as separate processes.
 * Prints medians of `--runs` runs (default 5), the median of the paired
 * ratios, and the peak RSS that GNU time reports.
 *
 *   npm run bench                 1k, 10k, 100k lines and a list-heavy plan
 *   npm run bench -- --huge       adds the 1M-line plan with 10,000 items
 *   npm run bench -- --runs 3     fewer runs per figure
 *   npm run bench -- --huge --only 1000000   one case, by its line count
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  generateGapList,
  generateListPlan,
  generatePlan,
} from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'plan-audit.js');
const BASELINE = join(ROOT, 'bench', 'baseline.mjs');
const TIME = '/usr/bin/time';
const FOLDER = join(tmpdir(), 'plan-audit-bench');
const CACHE = join(FOLDER, 'cache');

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const huge = args.includes('--huge');
const only = args.includes('--only')
  ? Number(args[args.indexOf('--only') + 1])
  : null;

const ALL_CASES = [
  { name: 'plan', lines: 1_000, items: 10 },
  { name: 'plan', lines: 3_000, items: 30 },
  { name: 'plan', lines: 10_000, items: 100 },
  { name: 'lists', lines: 20_000, items: 100 },
  { name: 'plan', lines: 100_000, items: 1_000 },
  ...(huge ? [{ name: 'plan', lines: 1_000_000, items: 10_000 }] : []),
];
const CASES =
  only === null ? ALL_CASES : ALL_CASES.filter((entry) => entry.lines === only);

/** Run a command once; wall time in seconds and peak RSS in MB. */
function measure(command, commandArgs) {
  const stats = join(tmpdir(), `plan-audit-bench-${process.pid}.time`);
  const useTime = existsSync(TIME);
  const argv = useTime
    ? ['-f', '%M', '-o', stats, command, ...commandArgs]
    : commandArgs;
  const start = process.hrtime.bigint();
  const result = spawnSync(useTime ? TIME : command, argv, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, CI: '1', PLAN_AUDIT_CACHE_DIR: CACHE },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${command} ${commandArgs.join(' ')} failed:\n${result.stderr}`,
    );
  }
  const rss = useTime
    ? Number(readFileSync(stats, 'utf8').trim().split('\n').pop()) / 1024
    : NaN;
  return { seconds, rss };
}

/** Median wall time and the largest peak RSS over `count` runs. */
function repeat(count, command, commandArgs) {
  const samples = [];
  for (let run = 0; run < count; run++)
    samples.push(measure(command, commandArgs));
  return summary(samples);
}

function summary(samples) {
  return {
    seconds: median(samples.map((sample) => sample.seconds)),
    rss: Math.max(...samples.map((sample) => sample.rss)),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The audit and the baseline run by turns, `count` times each: this
 * machine's speed drifts by 10-20% within minutes, and a drift then
 * slows both sides of a pair alike. The ratio is the median of the
 * pairs' ratios.
 */
function sideBySide(count, audit, baseline) {
  const pairs = [];
  for (let run = 0; run < count; run++)
    pairs.push([measure(...audit), measure(...baseline)]);

  return {
    audit: summary(pairs.map(([sample]) => sample)),
    baseline: summary(pairs.map(([, sample]) => sample)),
    ratio: median(pairs.map(([a, b]) => a.seconds / b.seconds)),
  };
}

function writeCase(folder, testCase) {
  const plan =
    testCase.name === 'lists'
      ? generateListPlan(testCase.lines)
      : generatePlan(testCase.lines);
  const planPath = join(folder, `${testCase.name}-${testCase.lines}.md`);
  const gapPath = join(folder, `${testCase.name}-${testCase.lines}-gaps.md`);
  writeFileSync(planPath, plan.text);
  writeFileSync(gapPath, generateGapList(testCase.items, plan));
  return { planPath, gapPath };
}

const format = (value, digits = 2) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const row = (cells) => `| ${cells.join(' | ')} |`;

function main() {
  const folder = FOLDER;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const heap = ['--max-old-space-size=16384'];

  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${runs} runs, median wall time\n`,
  );
  console.log(
    row([
      'case',
      'lines',
      'items',
      'audit s',
      'baseline s',
      'ratio',
      'audit RSS MB',
      'baseline RSS MB',
      'cached s',
    ]),
  );
  console.log(row(Array(9).fill('---')));

  const results = new Map();
  for (const testCase of CASES) {
    const { planPath, gapPath } = writeCase(folder, testCase);
    const count = testCase.lines >= 1_000_000 ? Math.min(runs, 3) : runs;
    // The 1M-line plan (42 MB) is over the default 10 MB input limit.
    const size = testCase.lines >= 1_000_000 ? ['--max-size', '100'] : [];
    const { audit, baseline, ratio } = sideBySide(
      count,
      [
        process.execPath,
        [...heap, CLI, planPath, gapPath, '--no-cache', ...size],
      ],
      [process.execPath, [...heap, BASELINE, planPath, gapPath]],
    );

    // Warm the cache once, then time the runs that can use it (with the
    // same heap as the other runs: the 1M-line case needs more than 4 GB).
    measure(process.execPath, [...heap, CLI, planPath, gapPath, ...size]);
    const cached = repeat(count, process.execPath, [
      ...heap,
      CLI,
      planPath,
      gapPath,
      ...size,
    ]);

    results.set(`${testCase.name}-${testCase.lines}`, { audit, baseline });
    console.log(
      row([
        testCase.name,
        testCase.lines.toLocaleString('en'),
        testCase.items.toLocaleString('en'),
        format(audit.seconds),
        format(baseline.seconds),
        format(ratio),
        format(audit.rss, 0),
        format(baseline.rss, 0),
        format(cached.seconds),
      ]),
    );
  }

  if (only === null) startUp(folder, results);
  rmSync(folder, { recursive: true, force: true });
}

/** Start-up figures: `--version` and a small audit against bare Node. */
function startUp(folder, results) {
  const node = repeat(runs, process.execPath, ['-e', '0']);
  const version = repeat(runs, process.execPath, [CLI, '--version']);
  const small = results.get('plan-3000');
  const bareSmall = repeat(runs, process.execPath, [
    BASELINE,
    join(folder, 'plan-3000.md'),
    join(folder, 'plan-3000-gaps.md'),
  ]);

  console.log('\nStart-up');
  console.log(
    `- node -e 0: ${format(node.seconds, 3)} s; plan-audit --version: ${format(version.seconds, 3)} s (${format(version.seconds / node.seconds)}× node)`,
  );
  console.log(
    `- 3,000-line audit: ${format(small.audit.seconds, 3)} s; node start + bare parse: ${format(bareSmall.seconds, 3)} s (${format(small.audit.seconds / bareSmall.seconds)}×)`,
  );

  const big = results.get('plan-100000');
  const huger = results.get('plan-1000000');
  if (big && huger) {
    console.log(
      `- 1M lines / 100k lines audit time: ${format(huger.audit.seconds / big.audit.seconds)}×`,
    );
  }
}

main();
