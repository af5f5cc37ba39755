/**
 * How much input plan-audit accepts. Parsing Markdown into a tree with
 * positions costs about 300 bytes of memory per byte of text and the
 * parser recurses once per nesting level, so both are capped before
 * parsing starts; see "Limits and errors" in the README for the figures.
 */
export interface InputLimits {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Deepest nesting of lists and block quotes the parser is given. */
  maxDepth: number;
  /** Deepest tree, inline formatting included, the later steps walk. */
  maxTreeDepth: number;
}

/** One megabyte as the size limit counts it: 1,000,000 bytes. */
export const MEGABYTE = 1_000_000;

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 10 * MEGABYTE,
  maxDepth: 100,
  maxTreeDepth: 1000,
};

/** Rule and config files are short; a large one is a mistake, not a rule. */
export const SETTINGS_FILE_MAX_BYTES = 1 * MEGABYTE;

/** Megabytes for messages: three significant digits, no locale. */
export function megabytes(bytes: number): string {
  return String(Number((bytes / MEGABYTE).toPrecision(3)));
}
