import { main } from './cli.js';
import { TOOL_NAME } from './meta.js';
import { EXIT_USAGE } from './policy.js';

/**
 * Start the CLI on this process: real streams, real exit code. A reader
 * that closes the pipe early (`| head`) ends the run quietly: the rest of
 * the report is dropped and the exit code is still the audit's. Any other
 * failure to write (a full disk) is one line on stderr and exit code 2.
 */
export function run(): void {
  let stdoutClosed = false;

  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(
      `${TOOL_NAME}: cannot write to standard output (${error.code ?? error.message})\n`,
    );
    process.exit(EXIT_USAGE);
  };
  process.stdout.on('error', onStdoutError);
  // Nothing is left to tell if stderr itself is gone.
  process.stderr.on('error', () => {});

  main(process.argv.slice(2), {
    stdout: (text) => {
      if (stdoutClosed) return;
      try {
        process.stdout.write(text);
      } catch (error) {
        onStdoutError(error as NodeJS.ErrnoException);
      }
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
