import { dirname, relative, sep } from 'node:path';

import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

import { audit, type AuditResult } from '../audit.js';
import { parseMarkdown } from '../input/parse.js';
import { sourceFromText } from '../input/read.js';
import type { Judgement, PlanOutline, SourceFile } from '../model.js';
import { buildOutline } from '../plan/outline.js';
import type { Rule } from '../rules/load.js';
import { applyInsertions, type Edit, textAfter } from './apply.js';
import { splitLines } from './lines.js';
import { placeStub, type Placement } from './place.js';
import { needsStub } from './select.js';
import { renderStub } from './stub.js';

export interface FixRequest {
  /** The audit of the plan as read; `fix` changes nothing else. */
  result: AuditResult;
  /** Items to add a stub for, from `selectItems`. */
  chosen: Judgement[];
  template: string;
  rules: Rule[];
  /**
   * Add a stub too for an item the other stubs make missing (see
   * buildFix); off when the user picked the items.
   */
  followNewlyMissing?: boolean;
}

/** One stub as it will be written. */
export interface PlannedStub {
  judgement: Judgement;
  placement: Placement;
  lines: string[];
  /** The line of the new plan its heading is on. */
  line: number;
}

export interface FixOutcome {
  stubs: PlannedStub[];
  /** The plan as an edit script, for the diff. */
  edits: Edit[];
  /** The new plan text (without a byte order mark). */
  text: string;
  /** Items given up on, and why; the plan stays without them. */
  leftOut: Array<{ judgement: Judgement; reason: string }>;
  /** Other items whose verdict the stubs change, such as present to duplicate. */
  sideEffects: Array<{ judgement: Judgement; before: string; after: string }>;
  /** Items given a stub because the other stubs made them missing. */
  followed: Judgement[];
}

type Draft = Pick<FixOutcome, 'stubs' | 'edits' | 'text'>;
type Failure = FixOutcome['leftOut'][number];

/**
 * Plan the stubs and check the result the way a user would: parse the new
 * plan (every stub heading is a heading, no old heading got swallowed) and
 * audit it again (every stub is found). A stub that fails is left out and
 * the rest planned again, so `fix` never writes a stub that the next run
 * would not recognise and add a second time.
 *
 * New headings change how rare each word of the plan's titles is, so the
 * stubs can make a merely mentioned item missing ("Ledger export
 * retention", named in a sentence, once "Ledger reconciliation" joins the
 * "Ledger" heading). Unless the user picked the items, such an item gets
 * a stub as well, or the next run would add it.
 */
export function buildFix(request: FixRequest): FixOutcome {
  const plan = request.result.plan;
  const outline = buildOutline(plan);
  const tree = parseMarkdown(plan);
  const leftOut: Failure[] = [];
  let chosen = request.chosen;

  for (;;) {
    const draft = draftStubs(request, chosen, outline, tree);
    if (draft.stubs.length === 0)
      return { ...draft, leftOut, sideEffects: [], followed: [] };

    const after = sourceFromText(plan.path, draft.text);
    const structural = structuralFailures(
      draft,
      parseMarkdown(after),
      outline.sections.length,
    );
    const again =
      structural.length === 0
        ? audit(after, request.result.gapList, request.rules)
        : null;
    const failures = again
      ? auditFailures(request.result, again, draft)
      : structural;

    if (again && failures.length === 0) {
      const newly = request.followNewlyMissing
        ? madeMissing(request.result, again, chosen, leftOut)
        : [];
      if (newly.length === 0) {
        return {
          ...draft,
          leftOut,
          sideEffects: sideEffects(request.result, again, draft),
          // What the loop added to the user's choice, less what failed.
          followed: chosen.filter(
            (judgement) => !request.chosen.includes(judgement),
          ),
        };
      }
      chosen = inGapListOrder(request.result, [...chosen, ...newly]);
      continue;
    }
    leftOut.push(...failures);
    const failed = new Set(failures.map((failure) => failure.judgement));
    chosen = chosen.filter((judgement) => !failed.has(judgement));
  }
}

/**
 * Required items that were not missing before the stubs and are after
 * them, other than those chosen or given up on. Each item is added at
 * most once: one that then fails is left out, and stays out.
 */
function madeMissing(
  before: AuditResult,
  after: AuditResult,
  chosen: Judgement[],
  leftOut: Failure[],
): Judgement[] {
  const settled = new Set([
    ...chosen,
    ...leftOut.map((failure) => failure.judgement),
  ]);
  return before.judgements.filter(
    (judgement) =>
      !settled.has(judgement) &&
      !judgement.item.optional &&
      !needsStub(judgement) &&
      needsStub(verdictAfter(before, after, judgement)),
  );
}

function inGapListOrder(
  result: AuditResult,
  judgements: Judgement[],
): Judgement[] {
  const wanted = new Set(judgements);
  return result.judgements.filter((judgement) => wanted.has(judgement));
}

function draftStubs(
  request: FixRequest,
  chosen: Judgement[],
  outline: PlanOutline,
  tree: Root,
): Draft {
  const plan = request.result.plan;
  const stubs = chosen.map((judgement) => {
    const placement = placeStub(judgement, outline, tree);
    const origin = `${displayPath(plan, request.result.gapList)}:${judgement.item.line}`;
    const lines = renderStub(request.template, judgement.item, {
      depth: placement.depth,
      origin,
    });
    return { judgement, placement, lines, line: 0 };
  });

  const { edits, starts } = applyInsertions(
    splitLines(plan.text),
    stubs.map((stub) => ({
      afterLine: stub.placement.afterLine,
      lines: stub.lines,
    })),
  );
  stubs.forEach((stub, index) => {
    stub.line = starts[index];
  });
  return { stubs, edits, text: textAfter(edits) };
}

/** The gap list as seen from the plan's folder, for the stub's note. */
function displayPath(plan: SourceFile, gapList: SourceFile): string {
  return relative(dirname(plan.path), gapList.path).split(sep).join('/');
}

/**
 * Every stub heading must parse as a top-level heading of its depth, and
 * every old heading must survive: an unclosed block in the plan (or in an
 * item's body) would otherwise swallow text.
 */
function structuralFailures(
  draft: Draft,
  tree: Root,
  oldHeadings: number,
): Failure[] {
  const topLevel = new Map<number, number>();
  for (const node of tree.children) {
    if (node.type === 'heading' && node.position)
      topLevel.set(node.position.start.line, node.depth);
  }

  const failures = draft.stubs
    .filter((stub) => topLevel.get(stub.line) !== stub.placement.depth)
    .map((stub) => ({
      judgement: stub.judgement,
      reason:
        'its heading would land inside a block that is still open after ' +
        `plan line ${stub.placement.afterLine}`,
    }));
  if (failures.length > 0) return failures;

  const headingLines: number[] = [];
  visit(tree, 'heading', (node) => {
    if (node.position) headingLines.push(node.position.start.line);
  });
  const inStubs = (line: number) =>
    draft.stubs.some(
      (stub) => line >= stub.line && line < stub.line + stub.lines.length,
    );
  const kept = headingLines.filter((line) => !inStubs(line)).length;
  if (kept >= oldHeadings) return [];

  // Blame the stub nearest before the first heading that was lost.
  const last = draft.stubs.reduce((a, b) => (a.line > b.line ? a : b));
  return [
    {
      judgement: last.judgement,
      reason: 'its text would leave a block open and swallow the plan after it',
    },
  ];
}

function auditFailures(
  before: AuditResult,
  after: AuditResult,
  draft: Draft,
): Failure[] {
  return draft.stubs
    .filter(
      (stub) =>
        verdictAfter(before, after, stub.judgement).verdict === 'missing',
    )
    .map((stub) => ({
      judgement: stub.judgement,
      reason:
        `the audit would not find its stub heading "${stub.lines[0]}", ` +
        'so every run would add it again',
    }));
}

function sideEffects(
  before: AuditResult,
  after: AuditResult,
  draft: Draft,
): FixOutcome['sideEffects'] {
  const added = new Set(draft.stubs.map((stub) => stub.judgement));

  return before.judgements
    .filter((judgement) => !added.has(judgement))
    .map((judgement) => ({
      judgement,
      before: state(judgement),
      after: state(verdictAfter(before, after, judgement)),
    }))
    .filter((change) => change.before !== change.after);
}

function state(judgement: Judgement): string {
  if (!judgement.item.remove) return judgement.verdict;
  return judgement.passed ? 'removed' : 'not removed';
}

/** The same gap list gives the same items in the same order. */
function verdictAfter(
  before: AuditResult,
  after: AuditResult,
  judgement: Judgement,
): Judgement {
  return after.judgements[before.judgements.indexOf(judgement)];
}
