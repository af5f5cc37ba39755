import type { ItemOutcome } from '../gate/evaluate.js';
import { label } from '../judge/suggest.js';
import { outcomeOf, type ReportContext } from './context.js';
import { type Problem, problemsOf } from './problems.js';

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  line?: number;
  /** Absent when the case passes. */
  failure?: { type: string; message: string };
  skipped?: string;
  output?: string;
}

/**
 * JUnit XML as CI test-report viewers read it: one test case per required
 * item (class `plan-audit.<priority>`); an item that fails the policy is a
 * failure, one that needs attention without failing (partial, or waived by
 * a gate or a baseline) is skipped with the reason, and the score gates
 * are cases of their own in a `policy` suite.
 */
export function formatJunit(context: ReportContext): string {
  const outcome = outcomeOf(context);
  const problems = new Map<ItemOutcome, Problem>();
  for (const problem of problemsOf(context))
    if (problem.outcome) problems.set(problem.outcome, problem);

  const items = outcome.items
    .filter((item) => !item.judgement.item.optional)
    .map((item) => itemCase(item, problems.get(item), context));
  const suites = [suite(context.result.gapList.path, items)];

  const policy = policyCases(context);
  if (policy.length > 0) suites.push(suite('policy', policy));

  const all = suites.flatMap((entry) => entry.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(context.tool.name)}" ${counts(all)}>`,
    ...suites.flatMap((entry) => entry.lines),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function itemCase(
  item: ItemOutcome,
  problem: Problem | undefined,
  context: ReportContext,
): TestCase {
  const testCase: TestCase = {
    classname: `plan-audit.${item.judgement.item.priority}`,
    name: label(item.judgement),
    file: context.result.gapList.path,
    line: item.judgement.item.line,
  };
  if (!problem) return testCase;

  if (item.severity === 'error') {
    testCase.failure = { type: problem.rule, message: problem.message };
  } else if (item.kind === 'duplicate' && !item.waived) {
    testCase.output = problem.message;
  } else {
    testCase.skipped = item.waived
      ? `${problem.message} Not failing: ${item.waived}.`
      : problem.message;
  }
  return testCase;
}

function policyCases(context: ReportContext): TestCase[] {
  const { settings, baseline } = outcomeOf(context);
  const score = context.result.score.value;
  const cases: TestCase[] = [];

  if (settings.minScore !== null) {
    const ok = score >= settings.minScore;
    cases.push(
      gateCase(
        `score is at least ${settings.minScore}`,
        ok,
        `the score ${score.toFixed(1)} is below ${settings.minScore}`,
      ),
    );
  }
  if (settings.maxMissing !== null) {
    const missing = outcomeOf(context).items.filter(
      (item) =>
        !item.judgement.item.optional &&
        (item.kind === 'missing' || item.kind === 'not-removed'),
    ).length;
    const ok = missing <= settings.maxMissing;
    cases.push(
      gateCase(
        `at most ${settings.maxMissing} items missing`,
        ok,
        `${missing} items are missing`,
      ),
    );
  }
  if (baseline) {
    const ok = score >= baseline.scoreBefore;
    const message = `the score dropped from ${baseline.scoreBefore.toFixed(1)} to ${score.toFixed(1)}`;
    cases.push(gateCase(`score not below ${baseline.path}`, ok, message));
  }
  return cases;
}

function gateCase(name: string, ok: boolean, message: string): TestCase {
  return {
    classname: 'plan-audit.policy',
    name,
    ...(ok ? {} : { failure: { type: 'plan-audit/policy', message } }),
  };
}

function suite(
  name: string,
  cases: TestCase[],
): { cases: TestCase[]; lines: string[] } {
  const lines = [`  <testsuite name="${xml(name)}" ${counts(cases)}>`];
  for (const testCase of cases) lines.push(...caseLines(testCase));
  lines.push('  </testsuite>');
  return { cases, lines };
}

function caseLines(testCase: TestCase): string[] {
  const where =
    testCase.file !== undefined
      ? ` file="${xml(testCase.file)}" line="${testCase.line}"`
      : '';
  const open = `    <testcase classname="${xml(testCase.classname)}" name="${xml(testCase.name)}"${where}`;

  if (testCase.failure) {
    const { type, message } = testCase.failure;
    return [
      `${open}>`,
      `      <failure type="${xml(type)}" message="${xml(message)}">${xml(message)}</failure>`,
      '    </testcase>',
    ];
  }
  if (testCase.skipped !== undefined) {
    return [
      `${open}>`,
      `      <skipped message="${xml(testCase.skipped)}"/>`,
      '    </testcase>',
    ];
  }
  if (testCase.output !== undefined) {
    return [
      `${open}>`,
      `      <system-out>${xml(testCase.output)}</system-out>`,
      '    </testcase>',
    ];
  }
  return [`${open}/>`];
}

function counts(cases: TestCase[]): string {
  const failures = cases.filter((testCase) => testCase.failure).length;
  const skipped = cases.filter(
    (testCase) => testCase.skipped !== undefined,
  ).length;
  return `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
}

/** Escape for XML text and attributes; drop characters XML 1.0 forbids. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
