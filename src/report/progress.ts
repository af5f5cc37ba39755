/**
 * A one-line progress display for long audits on a terminal. It stays
 * silent for the first second, so quick audits never flicker, and it
 * writes through the function it is given (the CLI passes stderr).
 */
export class Progress {
  private readonly write: (text: string) => void;
  private readonly timer: NodeJS.Timeout;
  private message: string;
  private shown = false;

  constructor(write: (text: string) => void, message: string, delayMs = 1000) {
    this.write = write;
    this.message = message;
    this.timer = setTimeout(() => this.show(), delayMs);
    this.timer.unref();
  }

  /** Change the message; shown at once if the display is already up. */
  update(message: string): void {
    this.message = message;
    if (this.shown) this.draw();
  }

  /** Clear the line; nothing is left behind in the terminal. */
  stop(): void {
    clearTimeout(this.timer);
    if (this.shown) this.write('\r\u001b[K');
    this.shown = false;
  }

  private show(): void {
    this.shown = true;
    this.draw();
  }

  private draw(): void {
    this.write(`\r\u001b[K${this.message}`);
  }
}

/** The message while the plan is parsed: `parsing plan.md (3/16)…`. */
export function parsingMessage(
  path: string,
  done: number,
  total: number,
): string {
  return total > 1 ? `parsing ${path} (${done}/${total})…` : `parsing ${path}…`;
}
