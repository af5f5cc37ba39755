import { createInterface, type Interface } from 'node:readline';

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

  const terminal = new Terminal();
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
    stderrIsTty: process.stderr.isTTY === true,
    readStdin,
    stdinIsTty: process.stdin.isTTY === true,
    ask: (question) => terminal.ask(question),
  }).then((code) => {
    terminal.close();
    process.exitCode = code;
  });
}

/** All of standard input as bytes, stopping once past `maxBytes`. */
async function readStdin(maxBytes = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > maxBytes) break;
  }
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
