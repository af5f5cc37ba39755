// Time and peak memory of plan-audit on large and hostile plans, each run
// in its own process. Not a test: the figures depend on the machine. Run
// `npm run build` first, then `node bench/input-limits.mjs [--accept]`;
// --accept also audits the 5 MB plan and the 9 MB line, taking minutes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pair = join(root, 'test/corpus/dev/01-orders-api');
const folder = mkdtempSync(join(tmpdir(), 'plan-audit-bench-'));
const accept = process.argv.includes('--accept');

/** The corpus plan repeated until the file has about `bytes` bytes. */
function repeatedPlan(bytes) {
  const plan = readFileSync(join(pair, 'plan.md'), 'utf8');
  return plan
    .repeat(Math.ceil(bytes / Buffer.byteLength(plan)))
    .slice(0, bytes);
}

const cases = [
  { name: '50 MB plan (refused)', text: () => repeatedPlan(50e6), args: [] },
  {
    name: '10 MB single line (refused)',
    text: () => `# Plan\n\n${'word '.repeat(2e6)}\n`,
    args: [],
  },
  {
    name: '10,000 nested quotes (refused)',
    text: () => `${'>'.repeat(10_000)} deep\n`,
    args: [],
  },
  { name: '1 MB plan', text: () => repeatedPlan(1e6), args: [] },
  ...(accept
    ? [
        { name: '5 MB plan', text: () => repeatedPlan(5e6), args: [] },
        {
          name: '9 MB single line',
          text: () => `# Plan\n\n${'word '.repeat(1.8e6)}\n`,
          args: [],
        },
      ]
    : []),
];

// The child runs the CLI in-process and reports its own peak memory. It is
// a file, not \`node --input-type=module -e\`: worker threads inherit the
// parent's flags, and --input-type is refused where there is no -e.
const child = join(folder, 'child.mjs');
writeFileSync(
  child,
  `
  const { main } = await import(${JSON.stringify(join(root, 'dist/cli.js'))});
  const started = performance.now();
  let stderr = '';
  const code = await main(process.argv.slice(2), {
    stdout: () => {},
    stderr: (text) => { stderr += text; },
    env: {},
    stdoutIsTty: false,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ code, seconds, peak, stderr: stderr.trim() }));
`,
);

console.log('case | exit | seconds | peak RSS (MB) | message');
for (const { name, text, args } of cases) {
  const plan = join(folder, 'plan.md');
  writeFileSync(plan, text());
  const result = spawnSync(
    process.execPath,
    [child, plan, join(pair, 'gaps.md'), ...args],
    { encoding: 'utf8' },
  );
  const run = JSON.parse(result.stdout);
  console.log(
    `${name} | ${run.code} | ${run.seconds} | ${run.peak} | ${run.stderr.replace(folder, '…')}`,
  );
}
rmSync(folder, { recursive: true });
