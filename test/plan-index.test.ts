import { describe, expect, it } from 'vitest';

import { sourceFromText } from '../src/input/read.js';
import { MatchEngine } from '../src/match/engine.js';
import { bitIsSet, PlanIndex } from '../src/match/plan-index.js';
import { SHIPPED_RULES } from '../src/meta.js';
import { buildOutline } from '../src/plan/outline.js';
import { loadRules } from '../src/rules/load.js';
import { md } from './helpers.js';

const PLAN = md`
  # Harbour plan

  Lanterns are described per pier below.

  ## Pier lanterns

  Every lantern is lit at dusk.

  ### Lantern wicks

  Wicks of each lantern are trimmed weekly.

  ## Moorings

  A lantern marks every free mooring.

  ### Ropes

  Tide tables decide the rope length.
`;

function indexOf(text: string): PlanIndex {
  const outline = buildOutline(sourceFromText('plan.md', text));
  const engine = new MatchEngine(loadRules([SHIPPED_RULES]));
  return new PlanIndex(outline, engine.vocabulary);
}

function linesOf(index: PlanIndex, blocks: number[]): number[] {
  return blocks.map((block) => index.block(block).line);
}

function sectionTitled(index: PlanIndex, title: string): number {
  return index.sections.findIndex((terms) => terms.title === title);
}

describe('PlanIndex.blocksWithinContainingAny', () => {
  const index = indexOf(PLAN);
  const [lantern] = index.vocabulary.canonicalTokens('lanterns');
  const [tide] = index.vocabulary.canonicalTokens('tide');

  it('finds the blocks of a section and of its subsections only', () => {
    const pier = sectionTitled(index, 'Pier lanterns');

    expect(
      linesOf(index, index.blocksWithinContainingAny(pier, [lantern])),
    ).toEqual([7, 11]);
  });

  it('leaves out blocks of sibling and enclosing sections', () => {
    const moorings = sectionTitled(index, 'Moorings');

    expect(
      linesOf(
        index,
        index.blocksWithinContainingAny(moorings, [lantern, tide]),
      ),
    ).toEqual([15, 19]);
  });

  it('covers the whole plan from the top heading, each block once', () => {
    const top = sectionTitled(index, 'Harbour plan');

    expect(
      linesOf(index, index.blocksWithinContainingAny(top, [lantern, tide])),
    ).toEqual([3, 7, 11, 15, 19]);
  });

  it('finds nothing in a section without blocks of its own or below', () => {
    const bare = indexOf('# One\n\nlanterns here\n\n## Two\n');
    const two = sectionTitled(bare, 'Two');

    expect(bare.blocksWithinContainingAny(two, [lantern])).toEqual([]);
  });
});

describe('PlanIndex.sectionsHolding', () => {
  const index = indexOf(PLAN);
  const [lantern] = index.vocabulary.canonicalTokens('lanterns');
  const titlesOf = (bits: Uint32Array) =>
    index.sections
      .filter((terms) => bitIsSet(bits, terms.section.index))
      .map((terms) => terms.title);

  it('marks the sections whose title or text, or a subsection, holds the stem', () => {
    expect(titlesOf(index.sectionsHolding(lantern))).toEqual([
      'Harbour plan',
      'Pier lanterns',
      'Lantern wicks',
      'Moorings',
    ]);
  });

  it('marks nothing for a stem the plan lacks', () => {
    expect(titlesOf(index.sectionsHolding('anchor'))).toEqual([]);
  });
});

describe('PlanIndex.sectionsAnchoredBy', () => {
  const index = indexOf(PLAN);
  const stems = (text: string) => index.vocabulary.canonicalTokens(text);
  const titles = (sections: number[]) =>
    sections.map((section) => index.sections[section].title);

  it("files a section under its title's rarest word", () => {
    // "lantern" is in two titles, "pier" and "wick" in one each.
    expect(titles(index.sectionsAnchoredBy(stems('pier lanterns')))).toEqual([
      'Pier lanterns',
    ]);
    expect(titles(index.sectionsAnchoredBy(stems('wicks')))).toEqual([
      'Lantern wicks',
    ]);
  });

  it('does not find a section by a commoner word alone', () => {
    expect(index.sectionsAnchoredBy(stems('lanterns'))).toEqual([]);
  });
});
