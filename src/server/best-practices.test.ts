import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../test/support/hand-built-sessions.ts';
import { getBestPractices } from '../core/livestreams/best-practices/best-practices.ts';
import { getImprovementAreas } from '../core/livestreams/best-practices/improvement-areas.ts';

interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: { field?: string } };
}

// Kitchen, week of 2026-03-02: twelve sessions; the three with the most GMV per view run 150 minutes, the rest 60.
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const SESSIONS: SessionSpec[] = Array.from({ length: 12 }, (_, i) => ({
  id: `k${i}`,
  seller: i % 2 ? 'k2' : 'k1',
  day: DAYS[i % 7] ?? '2026-03-02',
  gmv: 1000 - 60 * i,
  durationMin: i < 3 ? 150 : 60,
  products: 10,
}));

describe('best practices over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  const get = async (role: Role, url: string) => app.inject({ method: 'GET', url, headers: await sessionHeaders(db, users[role]) });

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertSessionSellers(db);
    await insertSessions(db, SESSIONS);
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers every reader with the same comparison the core computes', async () => {
    const res = await get('viewer', '/api/livestreams/best-practices?from=2026-03-02&to=2026-03-08&subcategory=kitchen');
    expect(res.statusCode).toBe(200);
    const body = res.json<Awaited<ReturnType<typeof getBestPractices>>>();
    expect(body).toEqual(JSON.parse(JSON.stringify(await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08', subcategory: 'kitchen' }))));
    expect(body.sessions).toMatchObject({ top: 3, rest: 9 });
    expect(body.habits.find((f) => f.key === 'duration_h')).toMatchObject({ topMedian: 2.5, restMedian: 1, direction: 'higher' });
  });

  it('serves a seller’s improvement areas', async () => {
    const res = await get('analyst', '/api/sellers/k2/improvement-areas?from=2026-03-02&to=2026-03-08');
    expect(res.statusCode).toBe(200);
    const body = res.json<Awaited<ReturnType<typeof getImprovementAreas>>>();
    expect(body).toEqual(JSON.parse(JSON.stringify(await getImprovementAreas(db, 'k2', { from: '2026-03-02', to: '2026-03-08' }))));
    expect(body.areas.map((a) => a.key)).toContain('duration_h');
  });

  it('refuses bad parameters with the field named, and an unknown seller with 404', async () => {
    const outcome = await get('viewer', '/api/livestreams/best-practices?outcome=likes');
    expect(outcome.statusCode).toBe(400);
    const range = await get('viewer', '/api/livestreams/best-practices?from=2026-03-09&to=2026-03-02');
    expect(range.statusCode).toBe(400);
    expect(range.json<ErrorBody>().error).toMatchObject({ details: { field: 'from' } });
    expect(range.json<ErrorBody>().error.hint).toMatch(/start date on or before/);
    const missing = await get('viewer', '/api/sellers/nobody/improvement-areas');
    expect(missing.statusCode).toBe(404);
  });
});
