/**
 * Sign-in sessions: a random token goes to the browser in an HttpOnly cookie; only its SHA-256 is
 * stored. Expiry slides: each use extends it by the idle timeout, up to an absolute maximum age.
 */
import { Database, type Executor } from '../db/database.ts';
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

const REFRESH_AFTER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

interface Remembered {
  generation: number;
  user: SessionUser;
  expiresAt: number;
  /** When the sliding expiry is due to be written again (last seen + 1 minute). */
  refreshAt: number;
}

/**
 * Sessions resolved lately, per database, reused while the database has not been written to (see
 * `Database.writeGeneration`): signing out, disabling a user, changing a role or a password are
 * all writes, so they take effect on the next request, as before. Expiry and the once-a-minute
 * refresh are checked against the clock, so every request still sees exactly what the query would
 * say — without a database round trip on each of a page's many API calls.
 */
const remembered = new WeakMap<Database, Map<string, Remembered>>();

/** Refreshes in flight, by token hash: a page's parallel requests share one. */
const sliding = new Map<string, Promise<void>>();

/**
 * Sliding expiry, written at most once a minute per session to keep reads cheap. Requests that
 * arrive together share one UPDATE (DuckDB refuses concurrent updates of one row: "Conflict on
 * update"); losing that race to another writer (a sign-out) is harmless, the session just is not
 * extended this time.
 */
function slideExpiry(executor: Executor, hash: string): Promise<void> {
  const pending = sliding.get(hash);
  if (pending) return pending;
  const update = executor
    .run(sql`
      UPDATE sessions SET last_seen_at = now(),
        expires_at = least(now() + ${SESSION_IDLE_HOURS} * INTERVAL 1 HOUR, created_at + ${SESSION_MAX_DAYS} * INTERVAL 1 DAY)
      WHERE token_sha256 = ${hash}`)
    .then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof Error && /conflict/i.test(error.message))) throw error;
      },
    )
    .finally(() => sliding.delete(hash));
  sliding.set(hash, update);
  return update;
}

/** The session's user if the token is valid, not expired and the user is active; extends it. */
export async function resolveSession(executor: Executor, token: string): Promise<SessionUser | null> {
  const hash = sha256(token);
  const memory = executor instanceof Database ? (remembered.get(executor) ?? new Map<string, Remembered>()) : null;
  // Read before querying: a write landing meanwhile moves the generation on and voids what we keep.
  const generation = executor instanceof Database ? executor.writeGeneration : 0;
  const hit = memory?.get(hash);
  const now = Date.now();
  if (hit && hit.generation === generation && now < hit.expiresAt && now < hit.refreshAt) return hit.user;

  const rows = await executor.query<{ id: number; email: string; display_name: string; role: Role; refresh: boolean; expires_ms: number; seen_ms: number }>(sql`
    SELECT u.id, u.email, u.display_name, u.role,
           s.last_seen_at < now() - INTERVAL 1 MINUTE AS refresh,
           epoch_ms(s.expires_at) AS expires_ms, epoch_ms(s.last_seen_at) AS seen_ms
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_sha256 = ${hash} AND s.expires_at > now() AND u.disabled_at IS NULL`);
  const row = rows[0];
  if (!row) {
    memory?.delete(hash);
    return null;
  }
  const user: SessionUser = { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
  if (!row.refresh && memory && executor instanceof Database) {
    if (memory.size >= MAX_REMEMBERED) memory.clear();
    memory.set(hash, { generation, user, expiresAt: row.expires_ms, refreshAt: row.seen_ms + REFRESH_AFTER_MS });
    remembered.set(executor, memory);
  }
  if (row.refresh) await slideExpiry(executor, hash);
  return user;
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
