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
    readStdin,
  }).then((code) => {
    process.exitCode = code;
  });
}

/** All of standard input as bytes. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
