import type { OptionSpecs } from './options.js';

/**
 * The `closest-section` kind holds no matcher: it never covers an item.
 * For an item judged missing or partial it names the plan section whose
 * title and text share the most of the item's telling words, so a reader
 * checks that section before adding a new one.
 */
export const CLOSEST_KIND = 'closest-section';

export const CLOSEST_OPTIONS: OptionSpecs = {
  titleWeight: {
    type: 'number',
    default: 3,
    min: 0,
    max: 20,
    doc: "how many words of the section's text a word of its heading counts for",
  },
  descriptionWeight: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    doc: "how much a word of the item's description counts next to a word of its title",
  },
  minScore: {
    type: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    doc: 'the least share of the best score the item could reach',
  },
  minLead: {
    type: 'number',
    default: 1.2,
    min: 1,
    max: 10,
    doc: 'how many times the next best section, outside this one, the score must be',
  },
};
