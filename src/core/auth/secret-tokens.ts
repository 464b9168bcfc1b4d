/**
 * Random secrets handed to clients (session cookies, API tokens, temporary passwords). Only the
 * SHA-256 of a token is stored, so a copy of the database does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';

export function randomToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A readable random password: four groups of five lowercase letters and digits. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}
