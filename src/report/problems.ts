import type { ItemKind } from '../gate/settings.js';
import type { ItemOutcome, Severity } from '../gate/evaluate.js';
import { itemKey } from '../gaps/identity.js';
import type { Judgement, Reference, SectionMatch } from '../model.js';
import { label } from '../judge/suggest.js';
import { outcomeOf, type ReportContext } from './context.js';

/** A place in one of the documents; `endLine` for a section's range. */
export interface Place {
  file: string;
  line: number;
  endLine?: number;
  /** What the place is, for related locations: "add after this line". */
  note?: string;
}

/**
 * One thing a report should flag: an item that is not plainly present or
 * a finding about the documents. Every format but text and JSON is built
 * from these, so that all of them agree on places and wording.
 */
export interface Problem {
  /** Stable id such as `plan-audit/missing`. */
  rule: string;
  severity: Exclude<Severity, 'none'>;
  /** A short title: `Missing: Gap 8 Docker Swarm`. */
  title: string;
  message: string;
  place: Place;
  related: Place[];
  /** Survives line shifts: the item's id or title slug. */
  fingerprint: string;
  outcome: ItemOutcome | null;
}

/** The rule of each kind of item that needs attention. */
export const ITEM_RULES: Record<
  Exclude<ItemKind, 'present' | 'removed'>,
  string
> = {
  missing: 'plan-audit/missing',
  partial: 'plan-audit/partial',
  duplicate: 'plan-audit/duplicate',
  'not-removed': 'plan-audit/not-removed',
};

const TITLES: Record<keyof typeof ITEM_RULES, string> = {
  missing: 'Missing',
  partial: 'Partial',
  duplicate: 'Duplicate',
  'not-removed': 'Not removed',
};

/** The problems of a report, in gap-list order, then the findings. */
export function problemsOf(context: ReportContext): Problem[] {
  const outcome = outcomeOf(context);
  const problems: Problem[] = [];

  for (const item of outcome.items) {
    if (
      item.severity === 'none' ||
      item.kind === 'present' ||
      item.kind === 'removed'
    )
      continue;
    problems.push(itemProblem(item, item.kind, context));
  }

  const { plan, gapList } = context.result;
  for (const finding of context.result.findings) {
    const file = finding.file === 'plan' ? plan.path : gapList.path;
    problems.push({
      rule: `plan-audit/${finding.kind}`,
      severity: finding.severity === 'info' ? 'note' : finding.severity,
      title: finding.kind.replace(/-/g, ' '),
      message: finding.message,
      place: { file, line: finding.lines[0] ?? 1 },
      related: finding.lines.slice(1).map((line) => ({ file, line })),
      fingerprint: `${finding.kind}:${finding.message}`,
      outcome: null,
    });
  }
  return problems;
}

function itemProblem(
  item: ItemOutcome,
  kind: keyof typeof ITEM_RULES,
  context: ReportContext,
): Problem {
  const { judgement } = item;
  const gapPlace: Place = {
    file: context.result.gapList.path,
    line: judgement.item.line,
    note: 'the item in the gap list',
  };
  const sections = judgement.matches.map((match) =>
    sectionPlace(match, context),
  );
  const name = `${label(judgement)} (${judgement.item.priority})`;

  const base = {
    rule: ITEM_RULES[kind],
    severity: item.severity as Problem['severity'],
    title: `${TITLES[kind]}: ${label(judgement)}`,
    fingerprint: itemKey(judgement.item),
    outcome: item,
  };

  switch (kind) {
    case 'missing': {
      const add = suggestionPlace(judgement, context);
      const lead = closestPlace(judgement, context);
      const where = add ? `; add it after ${at(add)}` : '';
      return {
        ...base,
        message: `${name} is missing from the plan${leadText(lead)}${where}.`,
        place: gapPlace,
        related: [lead, add].filter((place) => place !== null),
      };
    }
    case 'partial': {
      const mentions = judgement.mentions.map((mention) =>
        mentionPlace(mention, context),
      );
      const lead = closestPlace(judgement, context);
      const where = mentions.map(at).join(', ');
      const found = `${name} is only mentioned in the plan (${where})`;
      return {
        ...base,
        message: `${found}${leadText(lead)}; give it a section of its own.`,
        place: gapPlace,
        related: lead ? [...mentions, lead] : mentions,
      };
    }
    case 'duplicate':
      return {
        ...base,
        message: `${name} is covered by ${sections.length} sections (${sections.map(at).join(', ')}); keep one.`,
        place: sections[0],
        related: [...sections.slice(1), gapPlace],
      };
    case 'not-removed':
      return {
        ...base,
        message: `${name} is still in the plan (${sections.map(at).join(', ')}); the gap list asks to remove it.`,
        place: sections[0] ?? gapPlace,
        related: [...sections.slice(1), gapPlace],
      };
  }
}

/** `plan.md:10-20` or `plan.md:12`. */
export function at(place: Place): string {
  const range =
    place.endLine !== undefined && place.endLine !== place.line
      ? `-${place.endLine}`
      : '';
  return `${place.file}:${place.line}${range}`;
}

function sectionPlace(
  section: Pick<SectionMatch, 'file' | 'startLine' | 'endLine' | 'title'>,
  context: ReportContext,
  note = `section "${section.title}"`,
): Place {
  return {
    file: section.file ?? context.result.plan.path,
    line: section.startLine,
    endLine: section.endLine,
    note,
  };
}

function mentionPlace(mention: Reference, context: ReportContext): Place {
  return {
    file: mention.file ?? context.result.plan.path,
    line: mention.line,
    note: `mention (${mention.kind})`,
  };
}

/** The section the item may be under another name (closest-section). */
function closestPlace(
  judgement: Judgement,
  context: ReportContext,
): Place | null {
  const { closest } = judgement;
  if (!closest) return null;
  return sectionPlace(
    closest,
    context,
    `section "${closest.title}", which may hold it under another name`,
  );
}

function leadText(lead: Place | null): string {
  return lead ? `, unless ${at(lead)} holds it under another name` : '';
}

function suggestionPlace(
  judgement: Judgement,
  context: ReportContext,
): Place | null {
  const { suggestion } = judgement;
  if (!suggestion) return null;
  return {
    file: suggestion.file ?? context.result.plan.path,
    line: suggestion.afterLine,
    note: 'add the item after this line',
  };
}
