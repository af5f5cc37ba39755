/** Words that say a topic is left for later, not covered here. */
const DEFERRAL =
  /\b(?:not (?:yet )?(?:designed|decided|written|specified|defined|covered|implemented|started|planned)|to be (?:written|decided|defined|designed|determined|done|added|specified)|planned but|tbd|tbc|out of scope|not in scope|deferred|future work|left for later)\b/i;

/**
 * A text cut after each full stop, question or exclamation mark. Clauses
 * after a semicolon stay with the deferral they follow ("… is planned but
 * not designed yet; until then it is rotated by hand").
 */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/);
}

/**
 * True when a text puts a topic off ("cursor pagination is planned but not
 * designed yet", "to be written", "TBD"): it names what the plan does not
 * cover yet.
 */
export function defers(text: string): boolean {
  return DEFERRAL.test(text);
}

/** Words that say a thing is being taken away, not kept. */
const REMOVAL = new RegExp(
  '\\b(?:' +
    [
      'no longer',
      'not (?:be )?(?:migrated|carried over|kept|renewed)',
      'switched off',
      'turned off',
      'decommissioned',
      'retired',
      'phased out',
      '(?:goes|go|went) back to',
      'handed back',
      'returned to',
    ].join('|') +
    ')\\b',
  'i',
);

/**
 * True when a text says a thing is going away ("Day tickets are no longer
 * printed on paper; the old ticket printers go back to the leasing
 * company"): for an item the gap list asks to remove, it is the removal
 * itself, not a place where the plan still has the thing.
 */
export function statesRemoval(text: string): boolean {
  return REMOVAL.test(text);
}
