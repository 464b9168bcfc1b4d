/**
 * A stable fingerprint of a file's header row, under which a mapping profile is saved and found
 * again. It ignores case, spacing, punctuation, blank headers and column order, so the same export
 * re-saved by Excel or with its columns moved finds its profile; a renamed or added column does not.
 */
import { createHash } from 'node:crypto';
import { headerKey } from './normalize-header.ts';

export function headerSignature(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey).filter(Boolean))].sort();
  return createHash('sha256').update(keys.join('\u0000')).digest('hex').slice(0, 32);
}
