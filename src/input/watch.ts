import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Changes closer together than this are one change (editors save in steps). */
const SETTLE_MS = 150;

/**
 * Resolve after any of the files changes. The folders are watched rather
 * than the files, so an editor that saves by writing a new file and
 * renaming it over the old one is noticed too. Resolves to false when
 * the signal aborts first.
 */
export function waitForChange(
  paths: string[],
  signal?: AbortSignal,
): Promise<boolean> {
  const wanted = new Map<string, Set<string>>();
  for (const path of paths.map((each) => resolve(each))) {
    const names = wanted.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    wanted.set(dirname(path), names);
  }

  return new Promise<boolean>((done) => {
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;

    const finish = (changed: boolean) => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      signal?.removeEventListener('abort', onAbort);
      done(changed);
    };
    const onAbort = () => finish(false);

    if (signal?.aborted) return finish(false);
    signal?.addEventListener('abort', onAbort);

    for (const [folder, names] of wanted) {
      watchers.push(
        watch(folder, (_event, name) => {
          if (name === null || !names.has(name.toString())) return;
          clearTimeout(timer);
          timer = setTimeout(() => finish(true), SETTLE_MS);
        }),
      );
    }
  });
}
