import type { MatcherKind } from '../kind.js';
import { aliasKind } from './alias.js';
import { bodyMentionKind } from './body-mention.js';
import { exactTitleKind } from './exact-title.js';
import { fuzzyTitleKind } from './fuzzy-title.js';
import { gapBodyKind } from './gap-body.js';
import { gapIdKind } from './gap-id.js';
import { mentionedSectionKind } from './mentioned-section.js';
import { secondSectionKind } from './second-section.js';

/** Every matcher implementation, by the name rule files use in `kind:`. */
export const MATCHER_KINDS: ReadonlyMap<string, MatcherKind> = new Map(
  [
    gapIdKind,
    exactTitleKind,
    aliasKind,
    fuzzyTitleKind,
    gapBodyKind,
    bodyMentionKind,
    mentionedSectionKind,
    secondSectionKind,
  ].map((kind) => [kind.kind, kind]),
);
