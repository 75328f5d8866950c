/** Process exit codes of every `cssim` command (documented in the README), and the error type that carries one. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The run or check failed (a worker error, a failed self-check). */
  failed: 1,
  /** Bad input: invalid arguments, scenario or run directory. */
  badInput: 2,
} as const;

/** An error whose message is meant for the user as it stands (no stack trace), with its exit code. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
