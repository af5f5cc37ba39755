import { format } from 'node:util';

import createDebug from 'debug';

/** The namespace every trace of plan-audit is under. */
export const TRACE_NAMESPACE = 'plan-audit:*';

/**
 * Run `work` with traces going to `write` (the CLI's stderr); `--verbose`
 * turns on every plan-audit trace, `DEBUG=plan-audit:*` does the same
 * through the debug package. The previous debug setup is restored after.
 */
export async function withTracing<T>(
  verbose: boolean,
  write: (text: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const previousLog = createDebug.log;
  const previous = verbose ? createDebug.disable() : null;
  if (verbose)
    createDebug.enable([previous, TRACE_NAMESPACE].filter(Boolean).join(','));
  createDebug.log = (...args: unknown[]) => write(`${format(...args)}\n`);

  try {
    return await work();
  } finally {
    createDebug.log = previousLog;
    if (previous !== null) {
      createDebug.disable();
      if (previous !== '') createDebug.enable(previous);
    }
  }
}
