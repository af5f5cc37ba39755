/**
 * The data model every step of the audit shares.
 *
 * Reading gives a {@link SourceFile}; parsing the plan gives a
 * {@link PlanOutline} (sections with line ranges plus the body blocks that
 * can mention an item); parsing the gap list gives {@link GapItem}s; matching
 * gives {@link Evidence}; judging turns evidence into one {@link Judgement}
 * per item; scoring and findings complete the {@link AuditReport}.
 *
 * All line numbers are 1-based lines of the original file.
 */

export type Priority = 'critical' | 'high' | 'medium' | 'low';

export const PRIORITIES: readonly Priority[] = [
  'critical',
  'high',
  'medium',
  'low',
];

/** What the plan has for an item. */
export type Verdict = 'present' | 'partial' | 'duplicate' | 'missing';

export const VERDICTS: readonly Verdict[] = [
  'present',
  'duplicate',
  'partial',
  'missing',
];

/** A file as read from disk, decoded and with its line count. */
export interface SourceFile {
  /** The path as the user gave it; reports show it unchanged. */
  path: string;
  /** The decoded text, without a byte order mark. */
  text: string;
  /** Number of lines; a final newline does not start another line. */
  lines: number;
}

/** A heading of the plan and the lines it governs. */
export interface Section {
  /** Position in {@link PlanOutline.sections}, in document order. */
  index: number;
  /** The heading as plain text, decorations included. */
  title: string;
  depth: number;
  startLine: number;
  /** The line before the next heading of the same or a higher level. */
  endLine: number;
  /** Index of the enclosing section, or null at the top. */
  parent: number | null;
  /** The plan file the heading is in, when the plan has several files. */
  file?: string;
}

/**
 * Where a block of body text sits. Only `prose`, `list` and `table` can
 * make an item partial; the others are references to it.
 */
export type BlockKind =
  | 'prose'
  | 'list'
  | 'table'
  | 'bold-heading'
  | 'toc'
  | 'checklist'
  | 'summary-table';

export const REFERENCE_KINDS: ReadonlySet<BlockKind> = new Set([
  'toc',
  'checklist',
  'summary-table',
]);

/** A paragraph, list item or table row of the plan, as plain text. */
export interface Block {
  kind: BlockKind;
  line: number;
  /** The last line of the paragraph, list item or row. */
  endLine: number;
  text: string;
  /** The innermost section holding the block, or null before any heading. */
  section: number | null;
  /** The plan file the block is in, when the plan has several files. */
  file?: string;
}

export interface PlanOutline {
  /**
   * The plan; for a plan in several files, the last of them (where an
   * item with no better place goes).
   */
  file: SourceFile;
  /** Every file of the plan, in reading order, when there are several. */
  files?: SourceFile[];
  sections: Section[];
  blocks: Block[];
}

/** Where in the gap list an item was found. */
export type ItemSource =
  | 'id-heading'
  | 'table-row'
  | 'template-heading'
  | 'list-item'
  | 'bold-heading';

/** One thing the gap list requires (or asks to remove). */
export interface GapItem {
  /** An identifier such as `Gap 8` or `REQ-12`, when the item has one. */
  id: string | null;
  /** The title without decorations, as shown in reports. */
  title: string;
  /** Line of the item in the gap list. */
  line: number;
  priority: Priority;
  /** What decided the priority, for explanations. */
  prioritySource: string;
  optional: boolean;
  /** A time estimate such as `30 Minutes`, or null. */
  estimate: string | null;
  /** True when the gap list asks for the item to be taken out of the plan. */
  remove: boolean;
  source: ItemSource;
  /** The item's own text below its heading or in its row, for evidence. */
  body: string;
  /** Every priority the item itself states, to spot conflicts. */
  statedPriorities: Priority[];
  /** Leading outline numbering in the gap list, such as `4.2`, or null. */
  number: string | null;
  /** Where else the gap list lists the same item (counted once). */
  alsoListedAt: number[];
  /** The item it says it repeats ("see Gap 4"), before repeats are merged. */
  seeAlso: string | null;
}

/**
 * How many candidate sections `--explain` shows per item. Matching keeps
 * no more rejected section evidence than this per rule: the rest could
 * never be shown, and on a large plan it is most of the evidence.
 */
export const EXPLAINED_CANDIDATES = 6;

/** One rule's opinion about one item and one place in the plan. */
export interface Evidence {
  /** The id of the rule that produced it. */
  rule: string;
  /** The section it points at, or null for a body mention. */
  section: number | null;
  /** For body mentions: the block's position in the outline. */
  block: number | null;
  /** 0..1; how sure the rule is. */
  confidence: number;
  /** Whether the rule accepts this as coverage. */
  accepted: boolean;
  /** Why, in a few words, for `--explain`. */
  reason: string;
  sharedTokens: string[];
  /**
   * What the rule compared: the item's title with a heading; the item's
   * description, or one part of its title, with a heading (a fallback,
   * used only when no heading matches the title); the item's title with
   * body text; or the item's title with a heading and its text together,
   * which makes only a second place of an item another section covers.
   */
  basis: 'title' | 'description' | 'mention' | 'second';
}

/** A plan section that supports a verdict. */
export interface SectionMatch {
  title: string;
  startLine: number;
  endLine: number;
  depth: number;
  rule: string;
  confidence: number;
  /** The plan file of the section (see {@link Section.file}). */
  file?: string;
}

/** A place in the plan that names the item without covering it. */
export interface Reference {
  /** The plan file of the line (see {@link Block.file}). */
  file?: string;
  line: number;
  endLine: number;
  kind: BlockKind;
  text: string;
}

export interface Suggestion {
  /** The plan file to add to (see {@link Section.file}). */
  file?: string;
  /** Insert the new section after this plan line. */
  afterLine: number;
  /** Why there: the section and, when there is one, the neighbour item. */
  near: {
    title: string;
    startLine: number;
    endLine: number;
    item: string | null;
  };
}

/**
 * For a missing or partial item: the plan section that shares most of its
 * words, a place to check before adding one. It is not a match.
 */
export interface ClosestSection {
  title: string;
  startLine: number;
  endLine: number;
  /** How much of the best possible score the section reached, 0..1. */
  score: number;
  /** The plan file of the section (see {@link Section.file}). */
  file?: string;
}

export interface Judgement {
  item: GapItem;
  verdict: Verdict;
  /** For removal items: true when the plan no longer has the item. */
  passed: boolean;
  matches: SectionMatch[];
  /** Body text that discusses the item (what makes it partial). */
  mentions: Reference[];
  /** Tables of contents, checklists and summary tables naming it. */
  references: Reference[];
  suggestion: Suggestion | null;
  closest: ClosestSection | null;
  /** All evidence, accepted or not, kept for `--explain`. */
  evidence: Evidence[];
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** Something worth saying about the documents themselves. */
export interface Finding {
  kind: string;
  severity: FindingSeverity;
  /** `plan` or `gapList`: which file the lines belong to. */
  file: 'plan' | 'gapList';
  lines: number[];
  message: string;
}

export interface PriorityFigure {
  priority: Priority;
  weight: number;
  items: number;
  /** Σ credit over the items of this priority. */
  credit: number;
}

export interface Score {
  value: number;
  formula: string;
  byPriority: PriorityFigure[];
}

/**
 * Counts of items. Removal checks are counted apart from the four
 * verdicts, so that every item is counted exactly once:
 * total = present + partial + duplicate + missing + removed + notRemoved.
 * `optional` counts optional items among them.
 */
export interface Summary {
  total: number;
  present: number;
  partial: number;
  duplicate: number;
  missing: number;
  removed: number;
  notRemoved: number;
  optional: number;
}

export interface AuditReport {
  /**
   * The plan as the user named it. For a plan in several files this is a
   * label (the folder, or the paths joined) with the total line count and
   * no text; {@link AuditReport.planFiles} holds the files.
   */
  plan: SourceFile;
  /** Every file of the plan in reading order; one for a single file. */
  planFiles: SourceFile[];
  gapList: SourceFile;
  judgements: Judgement[];
  findings: Finding[];
  score: Score;
  summary: Summary;
}
