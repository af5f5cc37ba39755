import type { OptionSpecs } from './options.js';

/**
 * The `score` kind holds no matcher: it configures the weights of
 * priorities and the credit of verdicts in the score formula.
 */
export const SCORE_KIND = 'score';

export const SCORE_OPTIONS: OptionSpecs = {
  weights: {
    type: 'number-map',
    keys: ['critical', 'high', 'medium', 'low'],
    default: { critical: 3, high: 2, medium: 1, low: 0.5 },
    doc: 'weight of an item of each priority',
  },
  credits: {
    type: 'number-map',
    keys: ['present', 'duplicate', 'partial', 'missing'],
    default: { present: 1, duplicate: 1, partial: 0.5, missing: 0 },
    doc: 'share of its weight an item earns for each verdict',
  },
};
