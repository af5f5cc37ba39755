import type { PlanOutline, SourceFile } from '../model.js';
import { readCachedOutline, writeCachedOutline } from './cache.js';
import { buildOutlineInParallel, type OutlineOptions } from './parallel.js';

export interface PrepareOptions extends OutlineOptions {
  /** The outline cache's folder, or null to parse every time. */
  cache: string | null;
}

/**
 * The plan's outline the fastest way there is: from the cache when this
 * exact text was outlined before, else parsed (in parallel when large)
 * and stored for the next run.
 */
export async function prepareOutline(
  file: SourceFile,
  options: PrepareOptions,
): Promise<PlanOutline> {
  const cached =
    options.cache === null ? null : readCachedOutline(options.cache, file);
  if (cached) return cached;

  const outline = await buildOutlineInParallel(file, options);
  if (options.cache !== null) writeCachedOutline(options.cache, outline);
  return outline;
}
