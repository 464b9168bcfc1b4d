import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { LoginThrottle } from '../core/auth/login-throttle.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, ORIGIN, sessionHeaders, signInCookie, TEST_PASSWORD } from '../../test/support/sign-in.ts';

const same = { origin: ORIGIN, host: 'localhost:80' };

describe('first-run setup', () => {
  it('creates the first admin once, signs them in, then refuses', async () => {
    const db = await openMigratedMemoryDb();
    const app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
    try {
      expect((await app.inject({ url: '/api/auth/state' })).json()).toEqual({ setupRequired: true, user: null, permissions: [] });
      const weak = await app.inject({ method: 'POST', url: '/api/auth/setup', headers: same, payload: { email: 'ana@shop.test', displayName: 'Ana', password: 'password123' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json<{ error: { message: string } }>().error.message).toMatch(/too short|too easy/);
      const res = await app.inject({ method: 'POST', url: '/api/auth/setup', headers: same, payload: { email: 'Ana@Shop.test', displayName: 'Ana', password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ user: { id: 1, email: 'ana@shop.test', displayName: 'Ana', role: 'admin' } });
      const cookie = res.cookies.find((c) => c.name === 'aisle_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const state = await app.inject({ url: '/api/auth/state', headers: { cookie: `aisle_session=${cookie?.value}` } });
      expect(state.json()).toMatchObject({ setupRequired: false, user: { email: 'ana@shop.test' }, permissions: ['read', 'write', 'manage', 'admin'] });
      const again = await app.inject({ method: 'POST', url: '/api/auth/setup', headers: same, payload: { email: 'eve@shop.test', displayName: 'Eve', password: TEST_PASSWORD } });
      expect(again.statusCode).toBe(409);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('sign-in, sessions, CSRF and tokens', () => {
  let db: Database;
  let app: FastifyInstance;
  let now = 0;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await createRoleUsers(db);
    app = await buildApp({
      db,
      dataDir: '/tmp',
      webDir: '/nonexistent',
      auth: { accountThrottle: new LoginThrottle({ freeAttempts: 3, now: () => now }), addressThrottle: new LoginThrottle({ freeAttempts: 100, now: () => now }) },
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });
  beforeEach(() => {
    now += 3_600_000; // every test starts after any back-off of the previous one
  });

  it('signs in and stores only a hash of the session token', async () => {
    const cookie = await signInCookie(app, 'analyst@test.aisle');
    const token = cookie.split('=')[1] ?? '';
    const stored = await db.query<{ token_sha256: string }>(sql`SELECT token_sha256 FROM sessions`);
    expect(stored.map((s) => s.token_sha256)).not.toContain(token);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_sha256))).toBe(true);
    const me = await app.inject({ url: '/api/auth/state', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { email: 'analyst@test.aisle', role: 'analyst' }, permissions: ['read', 'write'] });
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', headers: same, payload: { email: 'viewer@test.aisle', password: 'nope nope nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', headers: same, payload: { email: 'nobody@test.aisle', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('backs off after repeated failures on one account, with a growing wait', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', headers: same, payload: { email: 'manager@test.aisle', password: 'wrong wrong wrong' } });
    for (let i = 0; i < 4; i += 1) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json<{ error: { message: string } }>().error.message).toMatch(/wait 1 s/);
    now += 1_000;
    expect((await attempt()).statusCode).toBe(401); // a fifth failure doubles the wait
    expect((await attempt()).headers['retry-after']).toBe('2');
    // The right password is refused too while blocked, then works after the wait.
    const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', headers: same, payload: { email: 'manager@test.aisle', password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    now += 2_000;
    expect(await signInCookie(app, 'manager@test.aisle')).toMatch(/^aisle_session=/);
  });

  it('expires idle sessions and slides the expiry of active ones', async () => {
    const cookie = await signInCookie(app, 'viewer@test.aisle');
    await db.run(sql`UPDATE sessions SET last_seen_at = now() - INTERVAL 2 MINUTE, expires_at = now() + INTERVAL 5 MINUTE`);
    expect((await app.inject({ url: '/api/overview', headers: { cookie } })).statusCode).toBe(200);
    const [slid] = await db.query<{ hours: number }>(sql`SELECT max(date_diff('minute', now(), expires_at)) / 60 AS hours FROM sessions`);
    expect(slid?.hours).toBeGreaterThan(11);
    await db.run(sql`UPDATE sessions SET expires_at = now() - INTERVAL 1 SECOND`);
    const expired = await app.inject({ url: '/api/overview', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: { code: 'unauthenticated', message: 'sign in to continue' } });
  });

  it('ends every session of a user on password change, keeping the one that changed it', async () => {
    const other = await signInCookie(app, 'analyst@test.aisle');
    const current = await signInCookie(app, 'analyst@test.aisle');
    const res = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...same, cookie: current }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a new and longer passphrase' } });
    expect(res.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/overview', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/overview', headers: { cookie: current } })).statusCode).toBe(401);
    const renewed = res.cookies.find((c) => c.name === 'aisle_session');
    expect((await app.inject({ url: '/api/overview', headers: { cookie: `aisle_session=${renewed?.value}` } })).statusCode).toBe(200);
    expect(await signInCookie(app, 'analyst@test.aisle', 'a new and longer passphrase')).toMatch(/aisle_session/);
    const wrongCurrent = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...same, cookie: `aisle_session=${renewed?.value}` }, payload: { currentPassword: 'not it at all', newPassword: 'another long passphrase' } });
    expect(wrongCurrent.statusCode).toBe(400);
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const admin = await signInCookie(app, 'admin@test.aisle');
    const manager = await signInCookie(app, 'manager@test.aisle');
    const [row] = await db.query<{ id: number }>(sql`SELECT id FROM users WHERE email = 'manager@test.aisle'`);
    const res = await app.inject({ method: 'PATCH', url: `/api/users/${row?.id}`, headers: { ...same, cookie: admin }, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/overview', headers: { cookie: manager } })).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: same, payload: { email: 'manager@test.aisle', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    await app.inject({ method: 'PATCH', url: `/api/users/${row?.id}`, headers: { ...same, cookie: admin }, payload: { disabled: false } });
  });

  it('refuses to remove the last active admin', async () => {
    const admin = await signInCookie(app, 'admin@test.aisle');
    const [row] = await db.query<{ id: number }>(sql`SELECT id FROM users WHERE email = 'admin@test.aisle'`);
    const res = await app.inject({ method: 'PATCH', url: `/api/users/${row?.id}`, headers: { ...same, cookie: admin }, payload: { role: 'viewer' } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/last active admin/);
  });

  it('refuses cross-site state changes made with the session cookie', async () => {
    const { cookie } = await sessionHeaders(db, 3);
    const payload = { title: 'From elsewhere' };
    const noOrigin = await app.inject({ method: 'POST', url: '/api/notes', headers: { cookie }, payload });
    const foreign = await app.inject({ method: 'POST', url: '/api/notes', headers: { cookie, origin: 'https://evil.example', host: 'localhost:80' }, payload });
    const fetchSite = await app.inject({ method: 'POST', url: '/api/notes', headers: { cookie, 'sec-fetch-site': 'cross-site', origin: ORIGIN, host: 'localhost:80' }, payload });
    for (const res of [noOrigin, foreign, fetchSite]) {
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('cross_site');
    }
    const sameSite = await app.inject({ method: 'POST', url: '/api/notes', headers: { cookie, 'sec-fetch-site': 'same-origin' }, payload });
    expect(sameSite.statusCode).toBe(201);
    const forgedLogin = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example', host: 'localhost:80' }, payload: { email: 'viewer@test.aisle', password: TEST_PASSWORD } });
    expect(forgedLogin.statusCode).toBe(403);
  });

  it('API tokens: shown once, scoped to a role no higher than the owner, usable without CSRF headers, revocable', async () => {
    const analyst = await sessionHeaders(db, 3);
    const tooHigh = await app.inject({ method: 'POST', url: '/api/tokens', headers: analyst, payload: { name: 'x', role: 'admin' } });
    expect(tooHigh.statusCode).toBe(422);
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: analyst, payload: { name: 'nightly export', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json<{ token: string; apiToken: { id: number; lastUsedAt: string | null } }>();
    expect(token).toMatch(/^aisle_/);
    expect(apiToken.lastUsedAt).toBeNull();
    const stored = await db.query<{ token_sha256: string }>(sql`SELECT token_sha256 FROM api_tokens`);
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/overview', headers: bearer })).statusCode).toBe(200);
    // A viewer-scoped token cannot write, even though its owner can.
    expect((await app.inject({ method: 'POST', url: '/api/notes', headers: bearer, payload: { title: 'by script' } })).statusCode).toBe(403);
    const listed = await app.inject({ url: '/api/tokens', headers: analyst });
    expect(listed.json<{ tokens: { lastUsedAt: string | null }[] }>().tokens[0]?.lastUsedAt).not.toBeNull();

    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${apiToken.id}`, headers: analyst })).statusCode).toBe(204);
    const revoked = await app.inject({ url: '/api/overview', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/overview', headers: { authorization: 'Bearer aisle_made_up' } })).statusCode).toBe(401);
  });

  it('signs out: the cookie is cleared and the session is gone', async () => {
    const cookie = await signInCookie(app, 'viewer@test.aisle');
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...same, cookie } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'aisle_session')?.value).toBe('');
    expect((await app.inject({ url: '/api/overview', headers: { cookie } })).statusCode).toBe(401);
  });
});
