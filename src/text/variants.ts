/**
 * The ways a title can be read: as written, without its parenthetical, and
 * the parenthetical alone. "Experiment tracking (W&B)" is found under "W&B"
 * as well as under "Experiment tracking"; "Why this design? (Alternatives
 * considered)" answers "Alternatives".
 */
export function titleVariants(title: string): string[] {
  const variants = [title];
  const inner = [...title.matchAll(/\(([^()]+)\)/g)].map((match) => match[1].trim());
  if (inner.length === 0) return variants;

  const outer = title.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (outer !== '') variants.push(outer);
  for (const text of inner) if ((text.match(/\p{L}/gu) ?? []).length >= 2) variants.push(text);

  return [...new Set(variants)];
}

/**
 * The topic of a heading written as "Topic: detail", such as "Metrics:
 * macro-F1 and per-queue recall"; null when there is no such split.
 * Labels such as "Appendix A:" or "Phase 2:" are not topics.
 */
export function headingTopic(title: string): string | null {
  const parts = title.split(/:\s+/);
  if (parts.length < 2) return null;

  const label = /^(appendix|annex|part|phase|step|section|chapter|week|stage|milestone)\s+\w{1,3}$/i;
  const topics = parts.slice(0, -1).filter((part) => !label.test(part.trim()));
  return topics.length > 0 ? topics[0].trim() : null;
}
