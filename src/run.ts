import { createInterface, type Interface } from 'node:readline';

import type { CliIo } from './cli.js';
import { toolVersion } from './meta.js';

/**
 * Start the CLI on this process: real streams, real exit code. A reader
 * that closes the pipe early (`| head`) ends the run quietly.
 */
export function run(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  // `--version` alone answers without loading the CLI and the audit: a
  // script that checks the version should not wait for the parser to load.
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return;
  }

  const terminal = new Terminal();
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    readStdin,
    stdinIsTty: process.stdin.isTTY === true,
    ask: (question) => terminal.ask(question),
  };

  void import('./cli.js')
    .then(({ main }) => main(args, io))
    .then((code) => {
      terminal.close();
      process.exitCode = code;
    });
}

/** All of standard input as bytes. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Questions for `fix --interactive`, on stderr so that stdout stays the
 * diff. Lines are queued as they come, so answers typed (or piped) ahead
 * of a question are kept; the end of input answers "quit".
 */
class Terminal {
  private reader: Interface | null = null;
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private ended = false;

  ask(question: string): Promise<string> {
    this.open();
    process.stderr.write(question);

    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve('q');
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  close(): void {
    this.reader?.close();
  }

  private open(): void {
    if (this.reader) return;
    this.reader = createInterface({ input: process.stdin, terminal: false });
    this.reader.on('line', (line) => this.deliver(line));
    this.reader.on('close', () => {
      this.ended = true;
      this.deliver('q');
    });
  }

  private deliver(line: string): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(line);
    else if (!this.ended) this.lines.push(line);
  }
}
