/**
 * An error the user can fix: a bad flag, a path that does not exist, a build that failed.
 * The message names what failed and on which value, and `hint` gives the next step.
 * Anything that is not a UserError is a bug in oqjob.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Thrown when the run was stopped by a signal; the CLI turns it into exit code 130 or 143. */
export class InterruptedError extends Error {
  constructor() {
    super('The run was interrupted.');
    this.name = 'InterruptedError';
  }
}
