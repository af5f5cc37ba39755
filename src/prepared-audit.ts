import { audit, type AuditResult, type PlanFiles } from './audit.js';
import { extractGapItems } from './gaps/extract.js';
import type { SourceFile } from './model.js';
import { cacheFolder } from './plan/cache.js';
import { prepareOutline } from './plan/prepare.js';
import { parsingMessage, Progress } from './report/progress.js';
import type { Rule } from './rules/load.js';

export interface PreparedAuditSettings {
  /** Use the outline cache (`--no-cache` turns it off). */
  cache: boolean;
  env: NodeJS.ProcessEnv;
  /** Where a progress line goes, or null for none. */
  progress: ((text: string) => void) | null;
}

/**
 * The audit as the CLI runs it: a single-file plan is outlined from the
 * cache or in worker threads while this thread reads the gap list, with a
 * progress line for long runs. Plans in several files take the plain path.
 */
export async function auditPrepared(
  plan: PlanFiles,
  gapList: SourceFile,
  rules: Rule[],
  settings: PreparedAuditSettings,
): Promise<AuditResult> {
  if (plan.files.length !== 1) return audit(plan, gapList, rules);

  const [file] = plan.files;
  const progress = settings.progress
    ? new Progress(settings.progress, parsingMessage(file.path, 0, 1))
    : null;

  try {
    const pending = prepareOutline(file, {
      cache: settings.cache ? cacheFolder(settings.env) : null,
      onProgress: (done, total) =>
        progress?.update(parsingMessage(file.path, done, total)),
    });
    const extraction = extractGapItems(gapList);
    const outline = await pending;

    progress?.update('matching items…');
    return audit(plan, gapList, rules, { outline, extraction });
  } finally {
    progress?.stop();
  }
}
