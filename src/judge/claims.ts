import type { Evidence, GapItem } from '../model.js';
import { label } from './suggest.js';

/** A title match this sure makes a heading belong to its item. */
const OWNING_CONFIDENCE = 0.85;

/**
 * One heading, one item: a heading whose title matches one item closely
 * belongs to that item, and a looser match of another item to it is
 * rejected. So "Simple Inference Test Script" does not also cover
 * "Inference Pipeline Specification", and a gap whose description names
 * Gap 7's heading does not take it from Gap 7.
 *
 * A heading no item matches closely can still cover several items.
 */
export function settleClaims(items: GapItem[], evidence: Evidence[][]): void {
  const owners = findOwners(evidence);
  rejectTakenSecondPlaces(items, evidence);

  evidence.forEach((entries, position) => {
    for (const entry of entries) {
      if (!entry.accepted || entry.section === null) continue;

      const owner = owners.get(entry.section);
      if (
        !owner ||
        owner.position === position ||
        entry.confidence >= owner.confidence
      )
        continue;
      entry.accepted = false;
      entry.reason += `; rejected: the heading belongs to ${label({ item: items[owner.position] })}`;
    }
  });
}

function findOwners(
  evidence: Evidence[][],
): Map<number, { position: number; confidence: number }> {
  const owners = new Map<number, { position: number; confidence: number }>();

  evidence.forEach((entries, position) => {
    for (const entry of entries) {
      if (!entry.accepted || entry.basis !== 'title' || entry.section === null)
        continue;
      if (entry.confidence < OWNING_CONFIDENCE) continue;

      const known = owners.get(entry.section);
      if (!known || entry.confidence > known.confidence) {
        owners.set(entry.section, { position, confidence: entry.confidence });
      }
    }
  });
  return owners;
}

/**
 * A second place (see the second-section rule) is never a heading that
 * another item is matched to: "Appendix B: Refund fees" may belong to
 * "Refund fees" and still name refunds in its text.
 */
function rejectTakenSecondPlaces(
  items: GapItem[],
  evidence: Evidence[][],
): void {
  const takenBy = new Map<number, number>();
  evidence.forEach((entries, position) => {
    for (const entry of entries)
      if (entry.accepted && entry.section !== null && entry.basis !== 'second')
        takenBy.set(entry.section, position);
  });

  evidence.forEach((entries, position) => {
    for (const entry of entries) {
      if (!entry.accepted || entry.basis !== 'second') continue;
      const owner = takenBy.get(entry.section as number);
      if (owner === undefined || owner === position) continue;
      entry.accepted = false;
      entry.reason += `; rejected: the heading belongs to ${label({ item: items[owner] })}`;
    }
  });
}
