import { statSync } from 'node:fs';

import { UsageError } from '../errors.js';

/**
 * Refuse a plan and a gap list that are one file, whatever the paths
 * look like: the same device and inode catch symbolic and hard links.
 */
export function refuseSameFile(planPath: string, gapPath: string): void {
  const plan = statSync(planPath);
  const gaps = statSync(gapPath);

  if (plan.dev === gaps.dev && plan.ino === gaps.ino) {
    throw new UsageError(
      'is given as both the plan and the gap list; pass two different files',
      gapPath,
    );
  }
}
