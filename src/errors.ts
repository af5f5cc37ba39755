/**
 * An error the user can act on: bad input, a broken rule file, a wrong
 * option. The CLI prints its message on one line and exits with code 2;
 * anything else that is thrown is a bug in plan-audit.
 */
export class UsageError extends Error {
  /** The file the problem is in, when there is one. */
  readonly file: string | null;

  constructor(message: string, file: string | null = null) {
    super(message);
    this.name = 'UsageError';
    this.file = file;
  }

  /** `file: message`, or the message alone. */
  toLine(): string {
    return this.file === null ? this.message : `${this.file}: ${this.message}`;
  }
}
