import type { Finding, PlanOutline, Section } from '../model.js';
import { addUnder } from '../multimap.js';
import { parseDecoratedTitle } from '../text/decorations.js';
import { titleTokens } from '../text/tokens.js';

/** Sections shorter than this many non-blank lines are not compared. */
const MIN_LINES = 8;

/** Share of the smaller section's lines the other must repeat. */
const MIN_SHARED = 0.9;

/**
 * Plan sections that say the same thing twice: the same normalised title
 * in two places, or bodies whose lines (a pasted code block, say) are
 * nearly all the same. Such copies drift apart and confuse readers.
 */
export function findSimilarSections(plan: PlanOutline): Finding[] {
  return [...sameTitles(plan), ...sameBodies(plan)];
}

function sameTitles(plan: PlanOutline): Finding[] {
  const byTitle = new Map<string, Section[]>();
  for (const section of plan.sections) {
    const title = parseDecoratedTitle(section.title).title.replace(
      /\([^()]*\)/g,
      ' ',
    );
    const stems = titleTokens(title);
    if (stems.length < 2) continue;

    const key = stems.join(' ');
    addUnder(byTitle, key, section);
  }

  return [...byTitle.values()]
    .filter((sections) => sections.length > 1)
    .map((sections) => ({
      kind: 'same-title',
      severity: 'info' as const,
      file: 'plan' as const,
      lines: sections.map((section) => section.startLine),
      message: `"${sections[0].title}" is a heading ${sections.length} times (${ranges(sections)})`,
    }));
}

/**
 * Sections with nearly the same text, one finding for each group of them:
 * a body pasted into five sections is one finding with five places, not
 * ten pairs. Bodies with exactly the same lines are grouped first, so a
 * plan with hundreds of copies costs no more than one with two.
 */
function sameBodies(plan: PlanOutline): Finding[] {
  const lines = plan.file.text.split(/\r\n|\r|\n/);
  const copies = new Map<string, { lines: Set<string>; sections: Section[] }>();
  for (const section of plan.sections) {
    const own = ownLines(section, plan.sections, lines);
    if (own.size < MIN_LINES) continue;

    const key = [...own].sort().join('\n');
    const known = copies.get(key);
    if (known) known.sections.push(section);
    else copies.set(key, { lines: own, sections: [section] });
  }

  const bodies = [...copies.values()];
  const groups = new Groups(bodies.length);
  for (const [first, second] of candidatePairs(
    bodies.map((body) => body.lines),
  )) {
    if (groups.together(first, second)) continue;
    if (shared(bodies[first].lines, bodies[second].lines) >= MIN_SHARED)
      groups.join(first, second);
  }

  return groups
    .members()
    .map((members) =>
      members
        .flatMap((member) => bodies[member].sections)
        .sort((a, b) => a.startLine - b.startLine),
    )
    .filter((sections) => sections.length > 1)
    .sort((a, b) => a[0].startLine - b[0].startLine)
    .map(similarText);
}

function similarText(sections: Section[]): Finding {
  const names =
    sections.length === 2
      ? `"${sections[0].title}" and "${sections[1].title}"`
      : `"${sections[0].title}" and ${sections.length - 1} other sections`;
  return {
    kind: 'similar-sections',
    severity: 'warning',
    file: 'plan',
    lines: sections.map((section) => section.startLine),
    message: `${names} have nearly the same text (${ranges(sections)})`,
  };
}

/** Disjoint groups of the numbers 0 to count - 1 (union-find). */
class Groups {
  private readonly parent: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, index) => index);
  }

  private root(member: number): number {
    while (this.parent[member] !== member) {
      this.parent[member] = this.parent[this.parent[member]];
      member = this.parent[member];
    }
    return member;
  }

  together(a: number, b: number): boolean {
    return this.root(a) === this.root(b);
  }

  join(a: number, b: number): void {
    this.parent[this.root(b)] = this.root(a);
  }

  /** Each group's members, in order. */
  members(): number[][] {
    const byRoot = new Map<number, number[]>();
    this.parent.forEach((_, member) => {
      const root = this.root(member);
      addUnder(byRoot, root, member);
    });
    return [...byRoot.values()];
  }
}

/**
 * Pairs of bodies that could share MIN_SHARED of the smaller one's lines,
 * in the order of a loop over all pairs, without comparing all pairs: if
 * they do, the larger body holds at least one of any few more than
 * (1 - MIN_SHARED) × size lines of the smaller, so each body is looked up
 * only by its rarest lines.
 */
function candidatePairs(bodies: Set<string>[]): [number, number][] {
  const holders = new Map<string, number[]>();
  bodies.forEach((body, index) => {
    for (const line of body) {
      addUnder(holders, line, index);
    }
  });

  const pairs = new Map<number, Set<number>>();
  bodies.forEach((body, index) => {
    const probes = Math.min(
      body.size,
      Math.floor((1 - MIN_SHARED) * body.size) + 2,
    );
    const rarest = [...body]
      .sort(
        (a, b) =>
          (holders.get(a) as number[]).length -
          (holders.get(b) as number[]).length,
      )
      .slice(0, probes);

    for (const line of rarest) {
      for (const other of holders.get(line) as number[]) {
        if (other === index || bodies[other].size < body.size) continue;
        const [low, high] = index < other ? [index, other] : [other, index];
        const partners = pairs.get(low) ?? new Set<number>();
        partners.add(high);
        pairs.set(low, partners);
      }
    }
  });

  return [...pairs.keys()]
    .sort((a, b) => a - b)
    .flatMap((low) =>
      [...(pairs.get(low) as Set<number>)]
        .sort((a, b) => a - b)
        .map((high): [number, number] => [low, high]),
    );
}

/** The non-blank lines a section has before its first subsection. */
function ownLines(
  section: Section,
  sections: Section[],
  lines: string[],
): Set<string> {
  const next = sections[section.index + 1];
  const end =
    next && next.startLine <= section.endLine
      ? next.startLine - 1
      : section.endLine;

  const own = new Set<string>();
  for (let line = section.startLine + 1; line <= end; line++) {
    const text = lines[line - 1]?.trim() ?? '';
    if (text.length > 3 && !/^(```|~~~|---|\|?[-:| ]+\|?)$/.test(text))
      own.add(text);
  }
  return own;
}

function shared(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const line of small) if (large.has(line)) common++;
  return common / small.size;
}

function ranges(sections: Section[]): string {
  return sections
    .map((section) => `${section.startLine}-${section.endLine}`)
    .join(', ');
}
