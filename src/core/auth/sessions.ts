/**
 * Sign-in sessions: a random token goes to the browser in an HttpOnly cookie; only its SHA-256 is
 * stored. Expiry slides: each use extends it by the idle timeout, up to an absolute maximum age.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Role } from './roles.ts';
import { randomToken, sha256 } from './secret-tokens.ts';

export const SESSION_IDLE_HOURS = 12;
export const SESSION_MAX_DAYS = 30;

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
}

export async function createSession(executor: Executor, userId: number): Promise<string> {
  const token = randomToken('s_');
  await executor.run(sql`
    INSERT INTO sessions (token_sha256, user_id, expires_at)
    VALUES (${sha256(token)}, ${userId}, now() + ${SESSION_IDLE_HOURS} * INTERVAL 1 HOUR)`);
  return token;
}

/** The session's user if the token is valid, not expired and the user is active; extends it. */
export async function resolveSession(executor: Executor, token: string): Promise<SessionUser | null> {
  const hash = sha256(token);
  const rows = await executor.query<{ id: number; email: string; display_name: string; role: Role; refresh: boolean }>(sql`
    SELECT u.id, u.email, u.display_name, u.role,
           s.last_seen_at < now() - INTERVAL 1 MINUTE AS refresh
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_sha256 = ${hash} AND s.expires_at > now() AND u.disabled_at IS NULL`);
  const row = rows[0];
  if (!row) return null;
  if (row.refresh) {
    // Sliding expiry, written at most once a minute per session to keep reads cheap.
    await executor.run(sql`
      UPDATE sessions SET last_seen_at = now(),
        expires_at = least(now() + ${SESSION_IDLE_HOURS} * INTERVAL 1 HOUR, created_at + ${SESSION_MAX_DAYS} * INTERVAL 1 DAY)
      WHERE token_sha256 = ${hash}`);
  }
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
}

export async function deleteSession(executor: Executor, token: string): Promise<void> {
  await executor.run(sql`DELETE FROM sessions WHERE token_sha256 = ${sha256(token)}`);
}

export async function revokeAllSessions(executor: Executor, userId: number): Promise<void> {
  await executor.run(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}

export async function deleteExpiredSessions(executor: Executor): Promise<number> {
  return executor.run(sql`DELETE FROM sessions WHERE expires_at <= now()`);
}
