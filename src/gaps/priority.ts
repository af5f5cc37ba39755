import type { Priority } from '../model.js';
import { emojiPriorities } from '../text/decorations.js';

/**
 * Priority words, strongest first. The plain levels (high, medium, low)
 * need "priority" after them or nothing meaningful, so that "High
 * Availability" or "Low Latency" never read as priorities.
 */
const PRIORITY_WORDS: ReadonlyArray<[RegExp, Priority]> = [
  [
    /\b(critical|blockers?|urgent|p0|must[- ]haves?|must[- ]fix|must|showstoppers?)\b/i,
    'critical',
  ],
  [
    /\b(p1|should[- ]haves?|should[- ]fix|should|important)\b|\bhigh(?=\s*(priority|prio|items|gaps|\)|:|-|–|—|$))/i,
    'high',
  ],
  [
    /\b(p2|moderate|normal)\b|\bmedium(?=\s*(priority|prio|items|gaps|\)|:|-|–|—|$))/i,
    'medium',
  ],
  [
    /\b(p3|nice[- ]to[- ]haves?|could[- ]haves?|could|minor|later)\b|\blow(?=\s*(priority|prio|items|gaps|\)|:|-|–|—|$))/i,
    'low',
  ],
];

/** The first priority a short text names by emoji or word, if any. */
export function priorityIn(text: string): Priority | null {
  const byEmoji = emojiPriorities(text);
  if (byEmoji.length > 0) return byEmoji[0];

  for (const [pattern, priority] of PRIORITY_WORDS) {
    if (pattern.test(text)) return priority;
  }
  return null;
}

/**
 * The priority a group heading names: `## 🔴 CRITICAL`, `## HIGH PRIORITY
 * (Week 2)`, `## P1`, `## Must have`. The word must open the heading (after
 * emoji), or the heading must be about priority, so item headings that only
 * contain such a word are not mistaken for groups.
 */
export function priorityOfGroupHeading(text: string): Priority | null {
  const bare = text
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/^[\s\d.)#:-]+/, '')
    .trim();

  const opensWithPriority =
    /^(priority\s*[:-]?\s*)?(critical|blockers?|urgent|p[0-3]|must|should|could|nice|high|medium|low|moderate|minor|important|later)\b/i;
  if (!opensWithPriority.test(bare) && !/\bpriority\b/i.test(bare)) return null;

  return priorityIn(text);
}

/** A `Priority: 🟡 MEDIUM` line in an item's body, if there is one. */
export function priorityLine(body: string): Priority | null {
  const match = /^[\s*_>-]*priority[\s*_]*:[\s*_]*(.+)$/im.exec(body);
  return match ? priorityIn(match[1]) : null;
}
