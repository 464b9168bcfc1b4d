/**
 * Runs one CLI action with Aisle's exit-code contract: 0 success, 1 refused or failed (the message
 * says why and what to do), 2 usage error. A `UserError` prints its message and hint; anything
 * else is a bug and prints its stack.
 */
import { isUserError, storageFullError } from '../core/shared/errors.ts';

export class UsageError extends Error {}

export function reportError(raw: unknown): number {
  const error = storageFullError(raw) ?? raw;
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (isUserError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    if (error.hint) process.stderr.write(`  → ${error.hint}\n`);
    return 1;
  }
  process.stderr.write(`error: unexpected failure — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

export function action<A extends unknown[]>(work: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await work(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}
