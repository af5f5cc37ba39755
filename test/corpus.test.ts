import { describe, expect, it } from 'vitest';

import { accuracy, describeMistakes, evaluatePair, pairsOf } from './corpus/evaluate.js';

/**
 * Accuracy on the labelled corpus. `dev` pairs may be used to tune the
 * matcher; `holdout` pairs may not (see test/corpus/README.md). An item is
 * right when its verdict and every plan line of it agree with the label; an
 * item the tool invents counts as one more mistake.
 */
describe('labelled corpus', () => {
  const dev = pairsOf('dev').map(evaluatePair);
  const holdout = pairsOf('holdout').map(evaluatePair);

  it.each([
    ['dev', dev],
    ['holdout', holdout],
    ['whole corpus', [...dev, ...holdout]],
  ])('gets at least 98%% of the %s right', (name, outcomes) => {
    const figure = accuracy(outcomes);
    const mistakes = describeMistakes(outcomes);
    console.log(
      `${name}: ${figure.right}/${figure.total} right (${(100 * figure.ratio).toFixed(1)}%)` +
        (mistakes.length > 0 ? `\n  ${mistakes.join('\n  ')}` : ''),
    );

    expect(figure.total).toBeGreaterThan(0);
    expect(figure.ratio).toBeGreaterThanOrEqual(0.98);
  });

  it('never calls an item present when the label says it is not there', () => {
    const falsePresent = [...dev, ...holdout].flatMap((outcome) =>
      outcome.items.filter(
        (item) => item.label.verdict !== 'present' && item.label.verdict !== 'duplicate' && /^verdict (present|duplicate)/.test(item.problem ?? ''),
      ),
    );
    expect(falsePresent.map((item) => `${item.pair}:${item.label.line} ${item.problem}`)).toEqual([]);
  });
});
