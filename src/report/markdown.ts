import type { ItemOutcome } from '../gate/evaluate.js';
import type { ItemKind } from '../gate/settings.js';
import { label } from '../judge/suggest.js';
import { outcomeOf, type ReportContext } from './context.js';
import { policyLines } from './policy-lines.js';

const BAR_CELLS = 10;

const VERDICTS: Record<ItemKind, string> = {
  present: '✅ present',
  removed: '✅ removed',
  duplicate: '🔁 duplicate',
  partial: '🟡 partial',
  missing: '❌ missing',
  'not-removed': '❌ not removed',
};

/**
 * A Markdown report for a pull-request comment or a job summary: the
 * score and whether the policy passes, a bar per priority, then every
 * item with its verdict and links to `file#Lnn`.
 */
export function formatMarkdown(context: ReportContext): string {
  const { result } = context;
  const outcome = outcomeOf(context);
  const mark = outcome.exitCode === 0 ? '✅' : '❌';
  const out: string[] = [];

  out.push(
    `## ${mark} ${context.tool.name}: score ${result.score.value.toFixed(1)}/100`,
    '',
  );
  out.push(
    `${code(result.plan.path)} audited against ${code(result.gapList.path)}: ${counts(context)}.`,
    '',
  );

  const policy = policyLines(context);
  if (policy.length > 0)
    out.push(...policy.map((line) => `${line.replace(/^ {2}/, '- ')}  `), '');

  out.push('| Priority | Credit | Items |', '| --- | --- | --- |');
  for (const figure of result.score.byPriority) {
    if (figure.items === 0) continue;
    const share = figure.credit / figure.items;
    out.push(
      `| ${figure.priority} | ${bar(share)} ${Math.round(share * 100)}% | ${figure.credit}/${figure.items} |`,
    );
  }

  out.push(
    '',
    '| Verdict | Item | Priority | Where |',
    '| --- | --- | --- | --- |',
  );
  for (const item of outcome.items) out.push(itemRow(item, context));

  out.push('', `<sub>${cell(result.score.formula)}</sub>`);
  return `${out.join('\n')}\n`;
}

function itemRow(item: ItemOutcome, context: ReportContext): string {
  const { judgement } = item;
  const plan = context.result.plan.path;
  const places: string[] = [];

  for (const match of judgement.matches)
    places.push(link(context, match.file ?? plan, match.startLine));
  for (const mention of judgement.mentions)
    places.push(`mention ${link(context, mention.file ?? plan, mention.line)}`);
  const { closest, suggestion } = judgement;
  if (closest)
    places.push(
      `maybe ${link(context, closest.file ?? plan, closest.startLine)}`,
    );
  if (suggestion) {
    const after = link(context, suggestion.file ?? plan, suggestion.afterLine);
    places.push(`add after ${after}`);
  }
  places.push(
    `gap ${link(context, context.result.gapList.path, judgement.item.line)}`,
  );

  const flags = [
    judgement.item.optional ? 'optional' : '',
    item.waived ? `not failing: ${item.waived}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const verdict =
    item.severity === 'error'
      ? `**${VERDICTS[item.kind]}**`
      : VERDICTS[item.kind];
  const name =
    cell(label(judgement)) + (flags ? ` <sub>(${cell(flags)})</sub>` : '');
  return `| ${verdict} | ${name} | ${judgement.item.priority} | ${places.join(' · ')} |`;
}

function counts(context: ReportContext): string {
  const summary = context.result.summary;
  const parts = [
    `${summary.total} items`,
    `${summary.present} present`,
    `${summary.duplicate} duplicate`,
    `${summary.partial} partial`,
    `${summary.missing} missing`,
  ];
  if (summary.removed + summary.notRemoved > 0)
    parts.push(`${summary.notRemoved} not removed`);
  return parts.join(', ');
}

function bar(share: number): string {
  const filled = Math.round(share * BAR_CELLS);
  return `\`${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}\``;
}

/** `[plan.md#L12](base/plan.md#L12)`; absolute paths are not linked. */
function link(context: ReportContext, file: string, line: number): string {
  const text = `${file}#L${line}`;
  if (file.startsWith('/') || file.startsWith('<')) return cell(text);

  const href = `${context.linkBase ?? ''}${encodeURI(file.replace(/\\/g, '/'))}#L${line}`;
  return `[${cell(text)}](${href})`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Make text safe inside a table cell. */
function cell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;');
}
