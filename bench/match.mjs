/**
 * `npm run bench:match`: matching alone, on outlines built in memory (no
 * parse), to see how its cost grows with items and sections. Linear
 * growth multiplies the time by 10 from the first row to the last;
 * quadratic growth by 100. `npm run bench:match -- --components` uses
 * the titles of `npm run bench` instead of the stress case's.
 */
import { performance } from 'node:perf_hooks';

import { audit } from '../dist/audit.js';
import { extractGapItems } from '../dist/gaps/extract.js';
import { sourceFromText } from '../dist/input/read.js';
import { SHIPPED_RULES } from '../dist/meta.js';
import { loadRules } from '../dist/rules/load.js';
import { generateGapList, generatePlan } from './generate.mjs';

const CASES = [
  { sections: 5_000, items: 1_000 },
  { sections: 50_000, items: 1_000 },
  { sections: 5_000, items: 10_000 },
  { sections: 50_000, items: 10_000 },
];

/** An outline like the parser's: one section and two blocks per title. */
function outlineOf(plan, count) {
  const sections = [];
  const blocks = [];
  for (let index = 0; index < count; index++) {
    const line = index * 22 + 1;
    sections.push({
      index,
      title: `${index + 1}. ${plan.titles[index]}`,
      depth: 2,
      startLine: line,
      endLine: line + 21,
      parent: null,
    });
    const mention = plan.mentioned[index % plan.mentioned.length].toLowerCase();
    blocks.push(
      {
        kind: 'prose',
        line: line + 2,
        endLine: line + 4,
        text: `the team keeps ${mention} within budget`,
        section: index,
      },
      {
        kind: 'list',
        line: line + 6,
        endLine: line + 6,
        text: 'the rollout waits for the checks to pass',
        section: index,
      },
    );
  }
  const file = sourceFromText('plan.md', 'x\n'.repeat(count * 22));
  return { file, sections, blocks };
}

const rules = loadRules([SHIPPED_RULES]);
// `--components`: the benchmark plan's titles (a component name, then
// topic words) instead of the stress case's topic words alone.
const components = process.argv.includes('--components');
const plan = generatePlan(50_000 * 23, 7, { subjects: components });
console.log('| sections | items | matching s |');
console.log('| --- | --- | --- |');

for (const { sections, items } of CASES) {
  const outline = outlineOf(plan, sections);
  const gapList = sourceFromText('gaps.md', generateGapList(items, plan));
  const extraction = extractGapItems(gapList);

  const start = performance.now();
  audit(outline.file, gapList, rules, { outline, extraction });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `| ${sections.toLocaleString('en')} | ${items.toLocaleString('en')} | ${seconds.toFixed(2)} |`,
  );
}
