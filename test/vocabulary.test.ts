import { describe, expect, it } from 'vitest';

import { Vocabulary } from '../src/match/vocabulary.js';

describe('synonym phrases', () => {
  it('replaces the longest phrase that starts at a word', () => {
    const vocabulary = new Vocabulary([
      ['ci', 'continuous integration'],
      ['cicd', 'continuous integration and delivery'],
      ['integration test', 'integration test suite'],
    ]);
    expect(
      vocabulary.canonicalTokens(
        'continuous integration and delivery, continuous integration, integration test suite',
      ),
    ).toEqual(['cicd', 'ci', 'integr_test']);
  });
});
