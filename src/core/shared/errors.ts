/**
 * Errors are values the user can act on. A `UserError` says what happened and what to do about it;
 * the shells turn it into exit code 1 (CLI) or a 4xx answer (server). Anything that is not a
 * `UserError` is a bug and is logged with its context.
 */
export type UserErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'refused';

export interface UserErrorOptions {
  /** What the user can do to fix it, in one sentence. */
  hint?: string;
  code?: UserErrorCode;
  /** Structured details (row, column, value…) for API and `--json` callers. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class UserError extends Error {
  readonly hint: string | undefined;
  readonly code: UserErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.code = options.code ?? 'invalid_input';
    this.details = options.details;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
