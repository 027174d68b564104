/**
 * An error the user can fix: bad input, a bad file, an unreachable registry.
 * The edge prints it as one `::error` annotation (with file and line when
 * known) and exits non-zero, without a stack trace.
 */
export class UserError extends Error {
  /** The action input the error is about, e.g. `tags`. */
  readonly input?: string;
  /** A file the error is about, relative to the workspace when possible. */
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;

  constructor(message: string, where: { input?: string; file?: string; line?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.input = where.input;
    this.file = where.file;
    this.line = where.line;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The message of anything thrown, for logs and warnings. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
