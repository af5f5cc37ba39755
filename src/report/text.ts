import { Chalk, type ChalkInstance } from 'chalk';

import type { Judgement, Reference, SectionMatch } from '../model.js';
import { PRIORITIES } from '../model.js';
import type { ReportContext } from './context.js';
import { policyLines } from './policy-lines.js';

export interface TextOptions {
  color: boolean;
}

/**
 * The human report: items grouped by priority, one line each with verdict,
 * id, title and plan lines; references and suggestions indented below;
 * findings; then the score with its formula and a one-line summary.
 */
export function formatText(
  context: ReportContext,
  options: TextOptions,
): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { result } = context;
  const out: string[] = [];

  out.push(
    paint.bold(`${result.plan.path}`) +
      ` audited against ${result.gapList.path}` +
      ` (${itemsFound(result.judgements.length)} from ${result.strategy.replace('-', ' ')}s)`,
  );

  for (const priority of PRIORITIES) {
    const group = result.judgements.filter(
      (judgement) => judgement.item.priority === priority,
    );
    if (group.length === 0) continue;

    const weight = result.score.byPriority.find(
      (figure) => figure.priority === priority,
    )?.weight;
    out.push('', paint.bold(`${priority.toUpperCase()} (weight ${weight})`));
    for (const judgement of group)
      out.push(...itemLines(judgement, context, paint));
  }

  // Not spread into one push: a plan with thousands of repeated sections
  // has more finding lines than a call takes arguments.
  for (const line of findingLines(context, paint)) out.push(line);
  out.push(
    '',
    ...scoreLines(context, paint),
    ...policyLines(context, { onlyWhenSet: true }),
  );
  return `${out.join('\n')}\n`;
}

const LABEL_WIDTH = 10;
const INDENT = ' '.repeat(2 + LABEL_WIDTH + 1);

function itemLines(
  judgement: Judgement,
  context: ReportContext,
  paint: ChalkInstance,
): string[] {
  const { item } = judgement;
  const planPath = context.result.plan.path;
  const label = verdictLabel(judgement, paint);
  const name = [item.id, item.title].filter(Boolean).join('  ');
  const flags = [item.optional ? 'optional' : '', item.estimate ?? ''].filter(
    Boolean,
  );

  const where =
    judgement.matches.length > 0
      ? judgement.matches
          .map((match) => locate(match.file ?? planPath, match))
          .join(', ')
      : `${context.result.gapList.path}:${item.line}`;
  const lines = [
    `  ${label} ${name}${flags.length ? paint.dim(` (${flags.join(', ')})`) : ''}  ${paint.cyan(where)}`,
  ];

  for (const mention of judgement.mentions) {
    lines.push(
      `${INDENT}mentioned at ${mention.file ?? planPath}:${mention.line} (${mention.kind}) ${quote(mention)}`,
    );
  }
  if (judgement.references.length > 0) {
    lines.push(
      paint.dim(`${INDENT}${referenceLine(judgement.references, planPath)}`),
    );
  }
  if (judgement.closest) {
    const { file, title } = judgement.closest;
    const place = locate(file ?? planPath, judgement.closest);
    const why = 'the section that shares the most of its words';
    lines.push(
      paint.yellow(
        `${INDENT}may be under another name: ${place} "${title}", ${why}`,
      ),
    );
  }
  if (judgement.suggestion) {
    const { afterLine, near, file } = judgement.suggestion;
    const why = near.item ? `the section of ${near.item}` : `"${near.title}"`;
    lines.push(
      paint.yellow(
        `${INDENT}add after ${file ?? planPath}:${afterLine}, the end of ${why}`,
      ),
    );
  }
  if (item.remove && !judgement.passed) {
    lines.push(
      paint.red(
        `${INDENT}the gap list asks to remove this; the plan still has it`,
      ),
    );
  }
  return lines;
}

function verdictLabel(judgement: Judgement, paint: ChalkInstance): string {
  if (judgement.item.remove) {
    return judgement.passed
      ? paint.green(pad('REMOVED'))
      : paint.red(pad('NOT GONE'));
  }

  switch (judgement.verdict) {
    case 'present':
      return paint.green(pad('PRESENT'));
    case 'duplicate':
      return paint.magenta(pad('DUPLICATE'));
    case 'partial':
      return paint.yellow(pad('PARTIAL'));
    case 'missing':
      return judgement.item.optional
        ? paint.dim(pad('MISSING'))
        : paint.red.bold(pad('MISSING'));
  }
}

function findingLines(context: ReportContext, paint: ChalkInstance): string[] {
  const { findings, plan, gapList } = context.result;
  if (findings.length === 0) return [];

  const lines = ['', paint.bold('FINDINGS')];
  for (const finding of findings) {
    const path = finding.file === 'plan' ? plan.path : gapList.path;
    const where = finding.lines.map((line) => `${path}:${line}`).join(', ');
    lines.push(
      `  ${pad(finding.severity)} ${finding.message}  ${paint.cyan(where)}`,
    );
  }
  return lines;
}

function scoreLines(context: ReportContext, paint: ChalkInstance): string[] {
  const { score, summary } = context.result;
  const figures = score.byPriority
    .filter((figure) => figure.items > 0)
    .map(
      (figure) =>
        `${figure.priority} ${figure.weight} × ${figure.credit}/${figure.items}`,
    );

  const counts =
    `${summary.total} items: ${summary.present} present, ${summary.duplicate} duplicate, ` +
    `${summary.partial} partial, ${summary.missing} missing` +
    (summary.removed + summary.notRemoved > 0
      ? `; removal checks: ${summary.removed} passed, ${summary.notRemoved} failed`
      : '') +
    (summary.optional > 0 ? ` (${summary.optional} optional)` : '');

  return [
    paint.bold(`Score ${score.value.toFixed(1)}/100`) + `  ${score.formula}`,
    `  by priority (weight × credit/items): ${figures.join(', ')}`,
    counts,
  ];
}

function locate(
  path: string,
  match: Pick<SectionMatch, 'startLine' | 'endLine'>,
): string {
  return `${path}:${match.startLine}-${match.endLine}`;
}

/**
 * References on one line: they only point at places that name the item
 * (`references: plan.md:39 toc, 3165 summary table, 3238 checklist`).
 */
function referenceLine(references: Reference[], planPath: string): string {
  let lastFile = '';
  const places = references.map((reference) => {
    const file = reference.file ?? planPath;
    const where =
      file === lastFile ? `${reference.line}` : `${file}:${reference.line}`;
    lastFile = file;
    return `${where} ${reference.kind.replace('-', ' ')}`;
  });
  return `references: ${places.join(', ')}`;
}

function quote(reference: Reference): string {
  return JSON.stringify(reference.text);
}

function pad(text: string): string {
  return text.padEnd(LABEL_WIDTH);
}

function itemsFound(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}
