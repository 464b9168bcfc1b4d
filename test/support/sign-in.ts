/** Test helpers: users of each role and the headers of a signed-in, same-origin browser request. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db/database.ts';
import { createUser } from '../../src/core/auth/users.ts';
import { createSession } from '../../src/core/auth/sessions.ts';
import { CLI_ACTOR } from '../../src/core/auth/actor.ts';
import type { Role } from '../../src/core/auth/roles.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const ORIGIN = 'http://localhost:80';

/** Creates one user per role (role@test.aisle) and returns their ids. */
export async function createRoleUsers(db: Database): Promise<Record<Role, number>> {
  const ids = {} as Record<Role, number>;
  for (const role of ['admin', 'manager', 'analyst', 'viewer'] as const) {
    ids[role] = (await createUser(db, CLI_ACTOR, { email: `${role}@test.aisle`, displayName: role, role, password: TEST_PASSWORD })).id;
  }
  return ids;
}

/** Headers of a browser request from the app's own page with a fresh session of this user. */
export async function sessionHeaders(db: Database, userId: number): Promise<Record<string, string>> {
  const token = await createSession(db, userId);
  return { cookie: `aisle_session=${token}`, origin: ORIGIN, host: 'localhost:80' };
}

/** Signs in through the API and returns the session cookie header. */
export async function signInCookie(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN, host: 'localhost:80' }, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'aisle_session');
  if (!cookie) throw new Error('no session cookie');
  return `aisle_session=${cookie.value}`;
}
