import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { audit, type AuditResult } from '../../src/audit.js';
import { readSourceFile } from '../../src/input/read.js';
import { SHIPPED_RULES } from '../../src/meta.js';
import type { Judgement, Verdict } from '../../src/model.js';
import { loadRules, type Rule } from '../../src/rules/load.js';

/** One labelled item of a corpus pair (see test/corpus/README.md). */
export interface LabelledItem {
  line: number;
  title: string;
  verdict: Verdict;
  lines: Array<[number, number]>;
  priority?: string;
  optional?: boolean;
  remove?: boolean;
  listedTwiceAt?: number;
  note?: string;
}

/** How one item came out: right, or wrong and why. */
export interface ItemOutcome {
  pair: string;
  label: LabelledItem;
  right: boolean;
  problem: string | null;
}

export interface PairOutcome {
  pair: string;
  items: ItemOutcome[];
  /** Items the tool found that no label names: each is a mistake. */
  spurious: Array<{ line: number; title: string }>;
}

const CORPUS = new URL('.', import.meta.url).pathname;

/** The pair folders of a corpus split (`dev` or `holdout`), by name. */
export function pairsOf(split: string): string[] {
  const folder = join(CORPUS, split);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(folder, entry.name))
    .sort();
}

/** The shipped rules, every one of them off but those named. */
export function onlyRules(ids: string[]): Rule[] {
  return loadRules([SHIPPED_RULES]).map((rule) => ({ ...rule, enabled: ids.includes(rule.id) }));
}

export function evaluatePair(folder: string, rules: Rule[] = loadRules([SHIPPED_RULES])): PairOutcome {
  const labels = (parse(readFileSync(join(folder, 'expected.yml'), 'utf8')) as { items: LabelledItem[] }).items;
  const result = audit(readSourceFile(join(folder, 'plan.md')), readSourceFile(join(folder, 'gaps.md')), rules);
  const pair = folder.split('/').slice(-2).join('/');

  const items = labels.map((label) => judgeLabel(pair, label, result));
  const labelled = new Set(labels.flatMap((label) => [label.line, label.listedTwiceAt ?? -1]));
  const spurious = result.judgements
    .filter((judgement) => !labelled.has(judgement.item.line))
    .map((judgement) => ({ line: judgement.item.line, title: judgement.item.title }));

  return { pair, items, spurious };
}

function judgeLabel(pair: string, label: LabelledItem, result: AuditResult): ItemOutcome {
  const judgement = result.judgements.find((candidate) => candidate.item.line === label.line);
  const problem = judgement ? compare(label, judgement) : 'not found as an item';
  return { pair, label, right: problem === null, problem };
}

/** Null when the tool agrees with the label, else what differs. */
function compare(label: LabelledItem, judgement: Judgement): string | null {
  const got = judgement.verdict;
  const ranges = judgement.matches.map((match) => `${match.startLine}-${match.endLine}`);

  if (label.remove) {
    const stillThere = label.verdict === 'present' || label.verdict === 'duplicate';
    if (!judgement.item.remove) return 'not read as a removal item';
    if (stillThere !== !judgement.passed) return `removal check ${judgement.passed ? 'passed' : 'failed'}, expected the opposite`;
    return null;
  }

  if (got !== label.verdict) {
    return `verdict ${got} (${ranges.join(', ') || 'no section'}), expected ${label.verdict}`;
  }

  if (got === 'present' || got === 'duplicate') {
    const expected = label.lines.map(([start, end]) => `${start}-${end}`);
    if (expected.join(',') !== ranges.join(',')) return `lines ${ranges.join(', ')}, expected ${expected.join(', ')}`;
  }

  if (got === 'partial' && label.lines.length > 0) {
    const spans = judgement.mentions.map((mention) => [mention.line, mention.endLine]);
    const hit = label.lines.some(([line]) => spans.some(([start, end]) => start <= line && line <= end));
    if (!hit) {
      const found = spans.map(([start, end]) => `${start}-${end}`).join(', ');
      return `mentions at ${found}, expected one of ${label.lines.map(([line]) => line).join(', ')}`;
    }
  }
  return null;
}

/** Right items over all labelled items plus spurious ones. */
export function accuracy(outcomes: PairOutcome[]): { right: number; total: number; ratio: number } {
  const right = outcomes.reduce((sum, outcome) => sum + outcome.items.filter((item) => item.right).length, 0);
  const total = outcomes.reduce((sum, outcome) => sum + outcome.items.length + outcome.spurious.length, 0);
  return { right, total, ratio: total === 0 ? 0 : right / total };
}

/** The mistakes, one line each, for the test log. */
export function describeMistakes(outcomes: PairOutcome[]): string[] {
  return outcomes.flatMap((outcome) => [
    ...outcome.items
      .filter((item) => !item.right)
      .map((item) => `${outcome.pair} gaps.md:${item.label.line} "${item.label.title}": ${item.problem}`),
    ...outcome.spurious.map((extra) => `${outcome.pair} gaps.md:${extra.line} "${extra.title}": not a labelled item`),
  ]);
}
