const HELD: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The exit code a shell gives a process ended by the signal. */
const SIGNAL_EXIT: Record<string, number> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

let holding = false;

/**
 * Run `write` (a temporary file written, then renamed into place) with
 * interrupts held, so that Ctrl-C cannot leave a half-written temporary
 * file behind. Without a listener the signal kills the process at once;
 * with one, Node queues it until the synchronous write is done, and the
 * listener then ends the process with the usual exit code.
 *
 * The listeners stay for the rest of the run, which after its first write
 * has only writes left: removing them soon after the write drops a signal
 * queued during it whenever the event loop runs the removal first. A
 * short timer keeps the loop alive long enough to deliver such a signal;
 * without it the process can end first, and the signal is lost (harmless,
 * the files are complete, but the exit code should say it).
 */
export function holdingInterrupts<T>(write: () => T): T {
  if (!holding) {
    holding = true;
    for (const signal of HELD) {
      process.on(signal, () => process.exit(SIGNAL_EXIT[signal]));
    }
  }
  try {
    return write();
  } finally {
    setTimeout(() => {}, 5);
  }
}
