import { UsageError } from '../errors.js';
import type { Judgement, SourceFile } from '../model.js';
import { label } from '../judge/suggest.js';
import { normalizeTitle } from '../text/tokens.js';

export interface Selection {
  /** Items to add a stub for, in gap-list order. */
  chosen: Judgement[];
  /** Items named with `--only` that need nothing, and why. */
  skipped: Array<{ judgement: Judgement; reason: string }>;
}

/**
 * The items `fix` adds: every missing required item, or, with `--only`,
 * the named ones (by id or title), optional ones included. Naming an item
 * the plan already has is not an error, so that a repeated run is quiet;
 * naming nothing in the gap list is.
 */
export function selectItems(
  judgements: Judgement[],
  gapList: SourceFile,
  only?: string[],
): Selection {
  if (!only || only.length === 0) {
    return {
      chosen: judgements.filter((j) => needsStub(j) && !j.item.optional),
      skipped: [],
    };
  }

  const named = new Set<Judgement>();
  for (const selector of only) {
    const hits = judgements.filter((judgement) => names(selector, judgement));
    if (hits.length === 0) {
      throw new UsageError(
        `--only "${selector}" names no item of the gap list (${knownIds(judgements)})`,
        gapList.path,
      );
    }
    for (const hit of hits) named.add(hit);
  }

  const ordered = judgements.filter((judgement) => named.has(judgement));
  return {
    chosen: ordered.filter(needsStub),
    skipped: ordered
      .filter((judgement) => !needsStub(judgement))
      .map((judgement) => ({ judgement, reason: whyNoStub(judgement) })),
  };
}

/** A missing item the gap list asks to add, not to remove. */
export function needsStub(judgement: Judgement): boolean {
  return judgement.verdict === 'missing' && !judgement.item.remove;
}

function whyNoStub(judgement: Judgement): string {
  if (judgement.item.remove)
    return 'the gap list asks to remove it, not to add it';
  return `it is already ${judgement.verdict} in the plan`;
}

/** `Gap 8`, `gap  8`, `Distributed tracing` and `Gap 8 Distributed Tracing` all name Gap 8. */
function names(selector: string, judgement: Judgement): boolean {
  const wanted = selector.replace(/\s+/g, ' ').trim().toLowerCase();
  const { id, title } = judgement.item;

  if (id !== null && id.toLowerCase() === wanted) return true;
  if (
    title.toLowerCase() === wanted ||
    label(judgement).toLowerCase() === wanted
  )
    return true;

  const canonical = normalizeTitle(selector);
  return canonical !== '' && canonical === normalizeTitle(title);
}

function knownIds(judgements: Judgement[]): string {
  const ids = judgements
    .map((judgement) => judgement.item.id)
    .filter((id): id is string => id !== null);
  if (ids.length === 0) return 'its items have no ids; name them by title';
  const shown = ids.slice(0, 8).join(', ');
  return `ids: ${shown}${ids.length > 8 ? ', ...' : ''}`;
}
