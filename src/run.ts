import { createInterface } from 'node:readline/promises';

import { main } from './cli.js';

/**
 * Start the CLI on this process: real streams, real exit code. A reader
 * that closes the pipe early (`| head`) ends the run quietly.
 */
export function run(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stdinIsTty: process.stdin.isTTY === true,
    ask,
  }).then((code) => {
    process.exitCode = code;
  });
}

/** Ask on the terminal; questions go to stderr so stdout stays the diff. */
async function ask(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}
