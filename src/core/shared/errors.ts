/**
 * Errors are values the user can act on. A `UserError` says what happened and what to do about it;
 * the shells turn it into exit code 1 (CLI) or a 4xx answer (server). Anything that is not a
 * `UserError` is a bug and is logged with its context.
 */
export type UserErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'refused' | 'storage_full';

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

/**
 * A full disk, from the file system (ENOSPC) or from DuckDB ("No space left on device"), as an
 * error the user can act on. DuckDB rolls the transaction back, so nothing was changed.
 */
export function storageFullError(error: unknown): UserError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code !== 'ENOSPC' && !/No space left on device/i.test(message)) return null;
  return new UserError('the disk that holds Aisle\'s data is full: the change was not saved', {
    hint: 'free some space on that disk (old uploads, backups or report files), then try again — nothing was half-written',
    code: 'storage_full',
    cause: error,
  });
}
