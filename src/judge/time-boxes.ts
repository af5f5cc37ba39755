import type { Evidence, Section } from '../model.js';
import { parseDecoratedTitle } from '../text/decorations.js';

/** A heading that names a span of the schedule: "Week 5: Control room". */
const TIME_BOX =
  /^(?:week|phase|sprint|stage|milestone|iteration|day|month|quarter)\s+\d+\b/i;

/** Matches at least this sure name the time box itself: all of its topic. */
const SURE_CONFIDENCE = 0.75;

/**
 * A time box with subsections is no item's section by a loose match:
 * "Week 6: Cutover and handover" shares "handover" with "Documentation
 * Handover", and a gap whose description says "control room" names
 * "Week 5: Control room", but a week holds many pieces of work in its
 * subsections, and the item is covered by one of them, or mentioned in
 * its text, if at all. A sure match of its title (the item "Cutover and
 * handover") still counts.
 */
export function rejectTimeBoxes(
  evidence: Evidence[][],
  sections: Section[],
): void {
  const boxes = timeBoxesWithSubsections(sections);
  if (boxes.size === 0) return;

  for (const entries of evidence) {
    for (const entry of entries) {
      if (!entry.accepted || entry.section === null) continue;
      if (!boxes.has(entry.section) || entry.confidence >= SURE_CONFIDENCE)
        continue;
      entry.accepted = false;
      entry.reason +=
        '; rejected: a time box whose subsections hold the work, not a section of one item';
    }
  }
}

function timeBoxesWithSubsections(sections: Section[]): Set<number> {
  const parents = new Set(sections.map((section) => section.parent));
  return new Set(
    sections
      .filter((section) => parents.has(section.index))
      .filter((section) =>
        TIME_BOX.test(parseDecoratedTitle(section.title).title),
      )
      .map((section) => section.index),
  );
}
