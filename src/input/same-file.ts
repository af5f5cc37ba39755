import { statSync } from 'node:fs';

/**
 * Whether two paths name one file, whatever the paths look like: the
 * same device and inode also catch hard links, which real paths miss.
 */
export function isSameFile(first: string, second: string): boolean {
  const a = statSync(first);
  const b = statSync(second);
  return a.dev === b.dev && a.ino === b.ino;
}
