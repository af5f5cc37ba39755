import { describe, expect, it } from 'vitest';

import {
  accuracy,
  describeMistakes,
  evaluatePair,
  onlyRules,
  pairsOf,
} from './corpus/evaluate.js';

/**
 * Accuracy on the labelled corpus. `dev` pairs may be used to tune the
 * matcher; `holdout` pairs may not (see test/corpus/README.md). An item is
 * right when its verdict and every plan line of it agree with the label; an
 * item the tool invents counts as one more mistake.
 *
 * The goal is 98%, and it is not met (README, "Accuracy"). Until it is,
 * these tests print the figures and hold the line: accuracy may not fall
 * below what was last measured, and no new item may be called present
 * that is not there.
 */
const LAST_MEASURED = { dev: 397 / 625, holdout: 195 / 399 };
const GOAL = 0.98;

/** Items the matcher calls present though the label says partial or missing. */
const KNOWN_FALSE_PRESENT = [
  'dev/18-design-system-v2:72 verdict present (136-140), expected missing',
  'dev/25-library-elending-lep:52 verdict present (144-151), expected missing',
  'dev/26-windfarm-scada-masterplan:39 verdict present (215-223), expected missing',
  'dev/31-vet-pims-roadmap:15 verdict present (94-109), expected partial',
  'dev/31-vet-pims-roadmap:24 verdict present (217-221), expected missing',
  'dev/31-vet-pims-roadmap:30 verdict present (179-185), expected missing',
  'dev/33-terminal-gate-automation:42 verdict present (80-85), expected missing',
  'dev/35-election-results-design:75 verdict present (59-66), expected missing',
  'dev/41-locker-ota-design:76 verdict present (120-136), expected missing',
  'dev/47-vineflow-irrigation-prd:21 verdict present (158-165), expected partial',
  'dev/48-radio-playout-design:79 verdict present (36-44), expected missing',
  'dev/53-makerspace-booking-prd:23 verdict present (128-134), expected partial',
  'dev/54-blood-donor-stock-design:65 verdict present (150-158), expected missing',
  'dev/54-blood-donor-stock-design:89 verdict present (225-234), expected missing',
  'holdout/08-data-pipeline:68 verdict present (138-144), expected missing',
  'holdout/09-game:27 verdict present (44-63), expected partial',
  'holdout/21-hotel-pms:25 verdict present (144-151), expected partial',
  'holdout/28-water-ami-rollout:49 verdict present (224-229), expected missing',
  'holdout/29-fare-capping-design:70 verdict present (71-77), expected missing',
  'holdout/37-vaccine-cold-chain:23 verdict present (163-170), expected partial',
  'holdout/39-wildfire-detection-prd:16 verdict present (104-112), expected partial',
  'holdout/43-cargo-bike-rebalancing-mep:83 verdict present (61-68), expected missing',
  'holdout/45-food-bank-wms-masterplan:56 verdict present (52-62), expected missing',
  'holdout/49-adc-profiled-dispensing-pip:51 verdict present (142-155), expected partial',
  'holdout/49-adc-profiled-dispensing-pip:99 verdict present (56-63), expected missing',
  'holdout/50-parking-permits-roadmap:25 verdict present (211-220), expected partial',
  'holdout/51-ferry-ticketing-lrr:12 verdict present (56-68), expected partial',
  'holdout/51-ferry-ticketing-lrr:38 verdict present (33-78), expected missing',
];

describe('labelled corpus', () => {
  const outcomes = {
    dev: pairsOf('dev').map((pair) => evaluatePair(pair)),
    holdout: pairsOf('holdout').map((pair) => evaluatePair(pair)),
  };

  it.each(['dev', 'holdout'] as const)(
    'does not fall below the last measured accuracy on %s',
    (split) => {
      const figure = accuracy(outcomes[split]);
      const mistakes = describeMistakes(outcomes[split]);
      console.log(
        `${split}: ${figure.right}/${figure.total} right (${(100 * figure.ratio).toFixed(1)}%, ` +
          `goal ${100 * GOAL}%)\n  ${mistakes.join('\n  ')}`,
      );

      expect(figure.total).toBeGreaterThan(100);
      expect(figure.ratio).toBeGreaterThanOrEqual(LAST_MEASURED[split] - 1e-9);
    },
  );

  // The baseline a lint rule for required headings gives: an item is
  // present when a heading has its exact normalised title, else missing.
  it.each(['dev', 'holdout'] as const)(
    'beats matching by exact title by at least 20 points on %s',
    (split) => {
      const baselineRules = onlyRules(['exact-title']);
      const baseline = accuracy(
        pairsOf(split).map((pair) => evaluatePair(pair, baselineRules)),
      );
      const figure = accuracy(outcomes[split]);
      console.log(
        `${split}, exact title alone: ${baseline.right}/${baseline.total} ` +
          `right (${(100 * baseline.ratio).toFixed(1)}%)`,
      );

      expect(baseline.total).toBe(figure.total);
      expect(figure.ratio - baseline.ratio).toBeGreaterThan(0.2);
    },
  );

  it('calls no item present that is not there, beyond the known cases', () => {
    const falsePresent = [...outcomes.dev, ...outcomes.holdout].flatMap(
      (outcome) =>
        outcome.items
          .filter(
            (item) =>
              item.label.verdict === 'partial' ||
              item.label.verdict === 'missing',
          )
          .filter((item) =>
            /^verdict (present|duplicate)/.test(item.problem ?? ''),
          )
          .map((item) => `${item.pair}:${item.label.line} ${item.problem}`),
    );
    expect(falsePresent).toEqual(KNOWN_FALSE_PRESENT);
  });
});
