import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { createRoleUsers } from '../../../test/support/sign-in.ts';
import type { Role } from './roles.ts';
import { createSession, deleteSession, resolveSession } from './sessions.ts';
import { sha256 } from './secret-tokens.ts';

describe('resolving sessions', () => {
  let db: Database;
  let ids: Record<Role, number>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    ids = await createRoleUsers(db);
  });
  afterAll(() => db.close());

  it('asks the database once while nothing is written, then again after any write', async () => {
    const token = await createSession(db, ids.viewer);
    expect(await resolveSession(db, token)).toMatchObject({ id: ids.viewer, role: 'viewer' });
    const queries = vi.spyOn(db, 'query');
    try {
      for (let i = 0; i < 5; i += 1) expect(await resolveSession(db, token)).toMatchObject({ email: 'viewer@test.aisle' });
      expect(queries).not.toHaveBeenCalled();
      await db.run(sql`UPDATE users SET display_name = ${'Vera'} WHERE id = ${ids.viewer}`);
      expect(await resolveSession(db, token)).toMatchObject({ displayName: 'Vera' });
      expect(queries).toHaveBeenCalledTimes(1);
    } finally {
      queries.mockRestore();
    }
  });

  it('ends at once when the session is deleted, the user disabled or the session expired', async () => {
    const signedOut = await createSession(db, ids.analyst);
    expect(await resolveSession(db, signedOut)).not.toBeNull();
    await deleteSession(db, signedOut);
    expect(await resolveSession(db, signedOut)).toBeNull();

    const expired = await createSession(db, ids.analyst);
    expect(await resolveSession(db, expired)).not.toBeNull();
    await db.run(sql`UPDATE sessions SET expires_at = now() - INTERVAL 1 SECOND WHERE token_sha256 = ${sha256(expired)}`);
    expect(await resolveSession(db, expired)).toBeNull();

    const disabled = await createSession(db, ids.manager);
    expect(await resolveSession(db, disabled)).not.toBeNull();
    await db.run(sql`UPDATE users SET disabled_at = now() WHERE id = ${ids.manager}`);
    expect(await resolveSession(db, disabled)).toBeNull();
  });

  it('sees a role change on the next request', async () => {
    const token = await createSession(db, ids.admin);
    expect(await resolveSession(db, token)).toMatchObject({ role: 'admin' });
    await db.run(sql`UPDATE users SET role = 'viewer' WHERE id = ${ids.admin}`);
    expect(await resolveSession(db, token)).toMatchObject({ role: 'viewer' });
  });

  it('still slides the expiry once the session was last seen over a minute ago', async () => {
    const token = await createSession(db, ids.viewer);
    await db.run(sql`UPDATE sessions SET last_seen_at = now() - INTERVAL 2 MINUTE, expires_at = now() + INTERVAL 1 HOUR WHERE token_sha256 = ${sha256(token)}`);
    expect(await resolveSession(db, token)).not.toBeNull();
    const [row] = await db.query<{ fresh: boolean; extended: boolean }>(sql`
      SELECT last_seen_at > now() - INTERVAL 10 SECOND AS fresh, expires_at > now() + INTERVAL 11 HOUR AS extended
      FROM sessions WHERE token_sha256 = ${sha256(token)}`);
    expect(row).toEqual({ fresh: true, extended: true });
  });

  it('lets many requests of one session arrive together when its expiry is due to slide', async () => {
    const token = await createSession(db, ids.viewer);
    for (let round = 0; round < 3; round += 1) {
      await db.run(sql`UPDATE sessions SET last_seen_at = now() - INTERVAL 2 MINUTE WHERE token_sha256 = ${sha256(token)}`);
      const users = await Promise.all(Array.from({ length: 20 }, () => resolveSession(db, token)));
      expect(users.every((user) => user?.id === ids.viewer)).toBe(true);
    }
  });
});
