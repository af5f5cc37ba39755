import type { Judgement, PlanOutline, Section, Suggestion } from '../model.js';

/** How close a rejected match must come to count as the related section. */
const RELATED_CONFIDENCE = 0.3;

/**
 * Say where each missing item should go: after the plan section of the
 * nearest item of the gap list that the plan has (the one before it first,
 * so Gap 8 lands after Gap 7), else after the section a rule came closest
 * to accepting, else at the end of the plan.
 */
export function suggestPlacements(
  judgements: Judgement[],
  plan: PlanOutline,
): void {
  judgements.forEach((judgement, position) => {
    if (judgement.verdict !== 'missing' || judgement.item.remove) return;
    judgement.suggestion = placementFor(judgements, position, plan);
  });
}

function placementFor(
  judgements: Judgement[],
  position: number,
  plan: PlanOutline,
): Suggestion {
  const neighbour = nearestCovered(judgements, position);
  if (neighbour) return after(neighbour.matches[0], label(neighbour));

  const related = closestRejectedSection(judgements[position], plan);
  if (related) return after(related, null);

  return endOfPlan(plan);
}

/** Insert after a section; `item` names the gap item it belongs to. */
function after(
  section: Pick<Section, 'title' | 'startLine' | 'endLine' | 'file'>,
  item: string | null,
): Suggestion {
  return {
    ...(section.file === undefined ? {} : { file: section.file }),
    afterLine: section.endLine,
    near: {
      title: section.title,
      startLine: section.startLine,
      endLine: section.endLine,
      item,
    },
  };
}

/**
 * The section a rule came closest to accepting, such as "Docker Swarm
 * Orchestration" for "Docker Swarm Rolling Updates".
 */
function closestRejectedSection(
  judgement: Judgement,
  plan: PlanOutline,
): Section | null {
  let best: { section: number; confidence: number } | null = null;

  for (const entry of judgement.evidence) {
    if (entry.section === null || entry.confidence < RELATED_CONFIDENCE)
      continue;
    if (!best || entry.confidence > best.confidence)
      best = { section: entry.section, confidence: entry.confidence };
  }
  return best ? plan.sections[best.section] : null;
}

/** The closest item, before or after, that has a plan section (before wins ties). */
function nearestCovered(
  judgements: Judgement[],
  position: number,
): Judgement | null {
  for (let distance = 1; distance < judgements.length; distance++) {
    for (const candidate of [
      judgements[position - distance],
      judgements[position + distance],
    ]) {
      if (candidate && !candidate.item.remove && candidate.matches.length > 0)
        return candidate;
    }
  }
  return null;
}

function endOfPlan(plan: PlanOutline): Suggestion {
  const inLastFile = (section: Section) =>
    (section.file ?? plan.file.path) === plan.file.path;
  const last: Section | undefined = plan.sections.find(
    (section) =>
      section.parent === null &&
      section.endLine === plan.file.lines &&
      inLastFile(section),
  );
  return {
    ...(plan.files ? { file: plan.file.path } : {}),
    afterLine: plan.file.lines,
    near: last
      ? {
          title: last.title,
          startLine: last.startLine,
          endLine: last.endLine,
          item: null,
        }
      : {
          title: '(end of plan)',
          startLine: plan.file.lines,
          endLine: plan.file.lines,
          item: null,
        },
  };
}

/** `Gap 7 Docker Swarm Orchestration`, or the title alone. */
export function label(judgement: Pick<Judgement, 'item'>): string {
  const { id, title } = judgement.item;
  return id ? `${id} ${title}` : title;
}
