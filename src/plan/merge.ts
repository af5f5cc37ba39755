import type { PlanOutline, SourceFile } from '../model.js';
import { buildOutline } from './outline.js';

/**
 * Outline a plan that may span several files (chapters), as one outline.
 *
 * Each file is outlined on its own, so an unclosed code fence in one
 * chapter cannot swallow the next; then sections and blocks are appended
 * in reading order, their indexes shifted, and (for several files) every
 * one of them is labelled with its file so that reports can name it. Line
 * numbers stay those of each file.
 */
export function buildPlanOutline(files: SourceFile[]): PlanOutline {
  const merged: PlanOutline = {
    file: files[files.length - 1],
    sections: [],
    blocks: [],
  };
  // Single-file plans keep their reports as they were: no file labels.
  const several = files.length > 1;
  if (several) merged.files = files;

  for (const file of files) {
    const outline = buildOutline(file);
    const shift = merged.sections.length;

    for (const section of outline.sections) {
      merged.sections.push({
        ...section,
        index: section.index + shift,
        parent: section.parent === null ? null : section.parent + shift,
        ...(several ? { file: file.path } : {}),
      });
    }
    for (const block of outline.blocks) {
      merged.blocks.push({
        ...block,
        section: block.section === null ? null : block.section + shift,
        ...(several ? { file: file.path } : {}),
      });
    }
  }
  return merged;
}

/** How reports name a plan given as several files. */
export function planLabel(files: SourceFile[], label?: string): SourceFile {
  if (files.length === 1) return files[0];

  const lines = files.reduce((sum, file) => sum + file.lines, 0);
  return {
    path: label ?? files.map((file) => file.path).join(', '),
    text: '',
    lines,
  };
}
