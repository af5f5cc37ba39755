import { UsageError } from '../errors.js';
import { FORMATS, type ReportFormat } from '../report/formats.js';

/** One report to produce: a format, and a file or (null) standard output. */
export interface Target {
  format: ReportFormat;
  path: string | null;
}

/**
 * Pair `--format` and `--output` by position: the first format goes to
 * the first output, and so on; a format without an output goes to
 * standard output, which only one format can have. No format means text.
 */
export function pairTargets(formats: string[], outputs: string[]): Target[] {
  const names = formats.length > 0 ? formats : ['text'];
  if (outputs.length > names.length) {
    throw new UsageError(
      `--output ${outputs[names.length]} has no --format to go with it; give one --format per --output`,
    );
  }

  const targets = names.map((name, index) => ({
    format: FORMATS.get(name) as ReportFormat,
    path: outputs[index] ?? null,
  }));

  const toStdout = targets.filter((target) => target.path === null);
  if (toStdout.length > 1) {
    const list = toStdout.map((target) => target.format.name).join(', ');
    throw new UsageError(
      `only one format can go to standard output, not ${list}; give the others an --output`,
    );
  }

  const seen = new Set<string>();
  for (const target of targets) {
    if (target.path === null) continue;
    if (seen.has(target.path))
      throw new UsageError('is given twice as --output', target.path);
    seen.add(target.path);
  }
  return targets;
}
