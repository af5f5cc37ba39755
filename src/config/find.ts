import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The config file plan-audit looks for. */
export const CONFIG_NAME = '.plan-audit.yml';

/**
 * The nearest `.plan-audit.yml`, walking up from a folder to the root of
 * the file system, as linters find theirs; null when there is none.
 */
export function findConfigFile(start: string): string | null {
  let folder = resolve(start);

  for (;;) {
    const candidate = join(folder, CONFIG_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;

    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}
