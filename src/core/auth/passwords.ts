/**
 * Password rules and hashing: argon2id (@node-rs/argon2's defaults follow OWASP's minimum: 19 MiB,
 * two passes), at least 12 characters, not a common password and not the e-mail itself.
 */
import { hash, verify } from '@node-rs/argon2';
import { UserError } from '../shared/errors.ts';
import { isCommonPassword } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

export function validatePassword(password: string, email?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters`, {
      hint: 'a few unrelated words make a long password that is easy to remember',
      details: { field: 'password' },
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new UserError(`the password is too long: use at most ${MAX_PASSWORD_LENGTH} characters`, { details: { field: 'password' } });
  }
  if (isCommonPassword(password) || (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0] ?? '\u0000'))) {
    throw new UserError('the password is too easy to guess', {
      hint: 'avoid common passwords and your own e-mail name; a few unrelated words work well',
      details: { field: 'password' },
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id (checked in passwords.test.ts).
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
