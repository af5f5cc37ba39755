import type { Root } from 'mdast';

import { DEFAULT_LIMITS } from '../input/limits.js';
import { assertTreeDepthWithin } from '../input/nesting.js';
import { parseMarkdownText } from '../input/parse.js';
import { countLines } from '../input/read.js';
import type { Block, PlanOutline, Section, SourceFile } from '../model.js';
import { normalizeTitle } from '../text/tokens.js';
import { extractBlocks, type PlainTable, repeatsOutline } from './blocks.js';
import type { Cut } from './cuts.js';
import { extractSections } from './sections.js';

/** A piece of a plan that starts at a cut (or at the top). */
export interface Chunk {
  text: string;
  /** The plan's line number of the chunk's first line. */
  firstLine: number;
}

/**
 * A table whose rows were outlined as plain `table` blocks but that may
 * repeat titles of other chunks: settled once every title is known.
 */
export interface PendingTable {
  /** Plan lines of its body rows. */
  lines: number[];
  leads: (string | null)[];
}

/**
 * What one chunk contributes to the outline, in plan line numbers. Section
 * indexes (`index`, `parent`, `Block.section`) still count from the
 * chunk's first section; merging shifts them.
 */
export interface ChunkOutline {
  sections: Section[];
  blocks: Block[];
  tables: PendingTable[];
}

/**
 * Group the cuts into chunks of at least `minLength` characters (the last
 * one may be shorter), so each piece is worth sending to a worker.
 */
export function splitAtCuts(
  text: string,
  cuts: Cut[],
  minLength: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  let start: Cut = { offset: 0, line: 1 };

  for (const cut of cuts) {
    if (cut.offset - start.offset < minLength) continue;
    chunks.push({
      text: text.slice(start.offset, cut.offset),
      firstLine: start.line,
    });
    start = cut;
  }
  chunks.push({ text: text.slice(start.offset), firstLine: start.line });
  return chunks;
}

/**
 * Parse one chunk and outline it, then let its tree go: only sections,
 * blocks and the tables still to settle leave this function. Null when
 * the tree nests deeper than the limit: the caller then parses the whole
 * plan, which reports it with the plan's line number.
 */
export function outlineChunk(chunk: Chunk): ChunkOutline | null {
  const tree = parseMarkdownText(chunk.text);
  if (!treeDepthWithin(tree, DEFAULT_LIMITS.maxTreeDepth)) return null;
  const sections = extractSections(tree, countLines(chunk.text));
  const plainTables: PlainTable[] = [];
  const blocks = extractBlocks(tree, sections, plainTables);
  const tables = plainTables.map(pendingTable);
  const shift = chunk.firstLine - 1;

  for (const section of sections) {
    section.startLine += shift;
    section.endLine += shift;
  }
  for (const block of blocks) {
    block.line += shift;
    block.endLine += shift;
  }
  for (const table of tables)
    table.lines = table.lines.map((line) => line + shift);

  return { sections, blocks, tables };
}

/** A table outlined as `table` rows: another chunk's titles may turn it. */
function pendingTable({ table, leads }: PlainTable): PendingTable {
  const lines = table.children
    .slice(1)
    .map((row) => row.position?.start.line ?? 0);
  return { lines, leads };
}

function treeDepthWithin(tree: Root, maxDepth: number): boolean {
  try {
    assertTreeDepthWithin(tree, { path: '', text: '', lines: 0 }, maxDepth);
    return true;
  } catch {
    return false;
  }
}

/** Join chunk outlines, in document order, into the plan's outline. */
export function mergeChunkOutlines(
  file: SourceFile,
  parts: ChunkOutline[],
): PlanOutline {
  const sections: Section[] = [];
  const blocks: Block[] = [];

  for (const part of parts) {
    const offset = sections.length;
    for (const section of part.sections) {
      section.index += offset;
      if (section.parent !== null) section.parent += offset;
      sections.push(section);
    }
    for (const block of part.blocks) {
      if (block.section !== null) block.section += offset;
      blocks.push(block);
    }
  }

  settleTables(
    parts.flatMap((part) => part.tables),
    sections,
    blocks,
  );
  return { file, sections, blocks };
}

/** Turn tables that repeat titles from anywhere in the plan into summaries. */
function settleTables(
  tables: PendingTable[],
  sections: Section[],
  blocks: Block[],
): void {
  if (tables.length === 0) return;

  const titles = new Set(
    sections.map((section) => normalizeTitle(section.title)),
  );
  const rows = new Set(
    tables
      .filter((table) => repeatsOutline(table.leads, titles))
      .flatMap((table) => table.lines),
  );
  for (const block of blocks) {
    if (block.kind === 'table' && rows.has(block.line))
      block.kind = 'summary-table';
  }
}
