import type {
  Evidence,
  GapItem,
  Judgement,
  Reference,
  SectionMatch,
  Verdict,
} from '../model.js';
import { REFERENCE_KINDS } from '../model.js';
import type { PlanIndex } from '../match/plan-index.js';
import { isWithin } from '../plan/sections.js';

/**
 * Turn one item's evidence into a verdict.
 *
 * Sections that rules accept are the coverage; of a section and one nested
 * in it, only the better match counts (the deeper one on a tie), so a
 * parent and its child are never a duplicate. Without a section, body
 * mentions make the item partial; mentions in tables of contents,
 * checklists and summary tables are only listed as references.
 */
export function judgeItem(
  item: GapItem,
  evidence: Evidence[],
  plan: PlanIndex,
): Judgement {
  const matches = coveringSections(evidence, plan);
  const { mentions, references } = sortMentions(evidence, plan);

  const verdict = decide(matches.length, mentions.length);
  return {
    item,
    verdict,
    passed: item.remove ? matches.length === 0 : verdict !== 'missing',
    matches,
    mentions: verdict === 'partial' ? mentions : [],
    references,
    suggestion: null,
    closest: null,
    evidence,
  };
}

function decide(sections: number, mentions: number): Verdict {
  if (sections > 1) return 'duplicate';
  if (sections === 1) return 'present';
  return mentions > 0 ? 'partial' : 'missing';
}

/**
 * The sections that cover the item. What its description names counts
 * only when no heading matches its title: the description is a way to find
 * a section written under another name, not a second place.
 */
function coveringSections(
  evidence: Evidence[],
  plan: PlanIndex,
): SectionMatch[] {
  const byTitle = evidence.some(
    (entry) => entry.accepted && entry.basis === 'title',
  );
  const best = new Map<number, Evidence>();
  for (const entry of evidence) {
    if (!entry.accepted || entry.section === null) continue;
    if (entry.basis === 'second') continue;
    if (byTitle && entry.basis === 'description') continue;
    const known = best.get(entry.section);
    if (!known || entry.confidence > known.confidence)
      best.set(entry.section, entry);
  }

  const sections = plan.outline.sections;
  const ranked = [...best.values()].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      sections[b.section as number].depth -
        sections[a.section as number].depth ||
      (a.section as number) - (b.section as number),
  );

  const kept: Evidence[] = [];
  const keepUnlessNested = (candidate: Evidence) => {
    const index = candidate.section as number;
    const nested = kept.some(
      (other) =>
        isWithin(sections, index, other.section as number) ||
        isWithin(sections, other.section as number, index),
    );
    if (!nested) kept.push(candidate);
  };
  ranked.forEach(keepUnlessNested);

  // A second place counts only beside a section that covers the item:
  // alone, a heading with the item's head word is a near miss.
  if (kept.length > 0)
    evidence
      .filter((entry) => entry.accepted && entry.basis === 'second')
      .forEach(keepUnlessNested);

  // Section order is reading order, also across the files of a plan.
  return kept
    .sort((a, b) => (a.section as number) - (b.section as number))
    .map((entry) => {
      const section = sections[entry.section as number];
      return {
        title: section.title,
        startLine: section.startLine,
        endLine: section.endLine,
        depth: section.depth,
        rule: entry.rule,
        confidence: entry.confidence,
        ...(section.file === undefined ? {} : { file: section.file }),
      };
    });
}

function sortMentions(evidence: Evidence[], plan: PlanIndex) {
  const mentions: Reference[] = [];
  const references: Reference[] = [];
  const seen = new Set<number>();
  const order = new Map<Reference, number>();

  for (const entry of evidence) {
    if (!entry.accepted || entry.block === null || seen.has(entry.block))
      continue;
    seen.add(entry.block);

    const block = plan.block(entry.block);
    const reference = {
      ...(block.file === undefined ? {} : { file: block.file }),
      line: block.line,
      endLine: block.endLine,
      kind: block.kind,
      text: clip(block.text),
    };
    order.set(reference, entry.block);
    (REFERENCE_KINDS.has(block.kind) ? references : mentions).push(reference);
  }

  // Block order is reading order, also across the files of a plan.
  const byPlace = (a: Reference, b: Reference) =>
    (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return {
    mentions: mentions.sort(byPlace),
    references: references.sort(byPlace),
  };
}

/** Keep quoted text to one readable line. */
function clip(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 97)}...`;
}
