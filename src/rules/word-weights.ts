import type { OptionSpecs } from './options.js';

/**
 * The `word-weights` kind holds no matcher: it lists generic words that
 * every title comparison counts for less, and headings that name a part
 * of their parent's text rather than a topic.
 */
export const WORD_WEIGHTS_KIND = 'word-weights';

export const WORD_WEIGHTS_OPTIONS: OptionSpecs = {
  genericWords: {
    type: 'string-list',
    default: [],
    doc: 'words that name a kind of thing rather than a topic ("strategy", "plan")',
  },
  partHeadings: {
    type: 'string-list',
    default: [],
    doc: 'headings that name a part of the text above them, not a topic ("Context", "Decision")',
  },
  genericWeight: {
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    doc: 'how much a generic word counts next to an ordinary one',
  },
};
