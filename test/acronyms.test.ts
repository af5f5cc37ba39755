import { describe, expect, it } from 'vitest';

import { acronymGroups } from '../src/text/acronyms.js';
import { auditTexts, md } from './helpers.js';

describe('abbreviations the documents define', () => {
  it('reads a definition in parentheses and an abbreviation spelled by words of another title', () => {
    const groups = acronymGroups(
      ['We keep a Record of Processing Activities (RoPA) for every purpose.'],
      [
        'SSR and React Server Components',
        'Server-side rendering compatibility',
      ],
    );
    expect(groups).toEqual([
      ['Record of Processing Activities', 'RoPA'],
      ['Server side rendering', 'SSR'],
    ]);
  });

  it('ignores short or lower-case words and parentheses that spell nothing', () => {
    const groups = acronymGroups(
      ['Use the Go client (Go) and the cache (LRU) for now.'],
      ['CI and CD', 'Continuous integration', 'iOS app'],
    );
    expect(groups).toEqual([]);
  });

  it('reads a plural abbreviation: its "s" stands for no word', () => {
    const groups = acronymGroups(
      ['Each vendor signs the Standard Contractual Clauses (SCCs).'],
      ['SLOs per service', 'Service level objectives'],
    );
    expect(groups).toEqual([
      ['Standard Contractual Clauses', 'SCCs'],
      ['Service level objectives', 'SLOs'],
    ]);
  });

  it('does not spell a plural "s" as a word, nor read two letters and an "s"', () => {
    expect(
      acronymGroups([], ['IDs in every log line', 'Incident details summary']),
    ).toEqual([]);
  });

  it('lets an item find a heading that uses its abbreviation', () => {
    const plan = md`
      # Design system v2
      ## Architecture
      ### SSR and React Server Components
      ### Packages
    `;
    const judgement = auditTexts(
      plan,
      '## REQ-17 Server-side rendering compatibility\n',
    ).judgements[0];
    expect(judgement.verdict).toBe('present');
    expect(judgement.matches.map((match) => match.title)).toEqual([
      'SSR and React Server Components',
    ]);
  });

  it('reads a clipped compound spelled by the beginnings of two words of another title', () => {
    const groups = acronymGroups(
      [],
      [
        'Releases: semver via Changesets',
        'Semantic versioning and a changelog',
        'Infosec review',
        'Information security',
      ],
    );
    expect(groups).toEqual([
      ['Semantic versioning', 'semver'],
      ['Information security', 'Infosec'],
    ]);
  });

  it('does not read a compound whose pieces are whole words', () => {
    const groups = acronymGroups(
      [],
      ['Payload limits', 'Payment load test', 'Runbook', 'Run books'],
    );
    expect(groups).toEqual([]);
  });

  it('lets an item find a heading that uses its clipped form', () => {
    const plan = (heading: string) => md`
      # Design system v2
      ## 8. ${heading}
      Every pull request carries a changeset.
      ## 9. Support
    `;
    const verdict = (heading: string) =>
      auditTexts(plan(heading), '## REQ-9 Semantic versioning\n').judgements[0]
        .verdict;
    expect(verdict('Releases: semver via Changesets')).toBe('present');
    expect(verdict('Releases: server via Changesets')).toBe('missing');
  });
});
