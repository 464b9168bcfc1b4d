import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { sql } from '../core/db/sql.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../test/support/hand-built-sessions.ts';

interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: { field?: string; value?: unknown } };
}
interface ListBody {
  total: number;
  rows: { id: string; ctr: number; peer_score: number | null; seller_name: string }[];
  period: { current: { from: string; to: string } };
}

// Kitchen week of 2026-03-02: eight sessions with CTR 1%..8%; home decor: three sessions.
const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const SESSIONS: SessionSpec[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, day: WEEK[i % 7] ?? '2026-03-02', clicks: 10 * (i + 1), host: i === 7 ? 'Rina' : 'Ana' })),
  ...[1, 2, 3].map((i) => ({ id: `d${i}`, seller: 'd1', day: '2026-03-04', title: `Decor night ${i}` })),
];

describe('livestreams over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  const as = (role: Role) => sessionHeaders(db, users[role]);
  const get = async (role: Role, url: string) => app.inject({ method: 'GET', url, headers: await as(role) });
  const send = async (role: Role, method: 'POST' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: await as(role), ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertSessionSellers(db);
    await insertSessions(db, SESSIONS);
    await db.run(sql`
      INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, gmv)
      SELECT 'c7', m, CASE WHEN m = 30 THEN 800 ELSE 400 END, 5, 3, 1, 0, 1, 0, 0 FROM range(90) t(m)`);
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('lists the sessions of the Overview link period, filtered by subcategory and sorted', async () => {
    const res = await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&subcategory=kitchen&sort=ctr');
    expect(res.statusCode).toBe(200);
    const body = res.json<ListBody>();
    expect(body.rows.map((r) => r.id)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    expect(body.rows[0]).toMatchObject({ ctr: 0.08, seller_name: 'Kitchen King' });
    expect(body).toMatchObject({ total: 8, period: { current: { from: '2026-03-02', to: '2026-03-08' } } });
    const paged = await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&sort=ctr&dir=asc&page=2&pageSize=3');
    // 1%, 2%, 3% on page 1; c4 and d1..d3 tie at 5% and are ordered by id.
    expect(paged.json<ListBody>().rows.map((r) => r.id)).toEqual(['c3', 'c4', 'd1']);
    const byHost = await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&host=Rina');
    expect(byHost.json<ListBody>().rows.map((r) => r.id)).toEqual(['c7']);
    const search = await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&q=decor%20night');
    expect(search.json<ListBody>().total).toBe(3);
  });

  it('answers 400 naming the parameter for a bad sort, band, page size or period', async () => {
    const sort = await get('viewer', '/api/livestreams?sort=password');
    expect(sort.statusCode).toBe(400);
    expect(sort.json<ErrorBody>().error).toMatchObject({ message: 'cannot sort sessions by "password"', details: { field: 'sort', value: 'password' } });
    expect(sort.json<ErrorBody>().error.hint).toContain('peer_score');
    expect((await get('viewer', '/api/livestreams?band=excellent')).statusCode).toBe(400);
    expect((await get('viewer', '/api/livestreams?pageSize=201')).statusCode).toBe(400);
    const long = await get('viewer', '/api/livestreams?from=2026-01-01&to=2026-06-30');
    expect(long.statusCode).toBe(400);
    expect(long.json<ErrorBody>().error.hint).toMatch(/at most 92 days/);
  });

  it('shows one session with its benchmark, peer group and decomposition, and 404s an unknown one', async () => {
    const res = await get('viewer', '/api/livestreams/c0');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      peerGroup: { peers: number; band: string };
      benchmarks: { metric: string; percentile: number | null; rating: string | null; peerMedian: number | null }[];
      decomposition: { weakest: string | null; sentence: string };
      funnel: { metric: string; value: number | null }[];
    }>();
    expect(body.peerGroup).toMatchObject({ peers: 7, band: '1_2h' });
    expect(body.benchmarks.find((b) => b.metric === 'ctr')).toMatchObject({ percentile: 0, rating: 'bad', peerMedian: 0.045 });
    expect(body.decomposition.weakest).toBe('ctr');
    expect(body.decomposition.sentence).toMatch(/^Same traffic as peers, but CTR in the bottom 10%/);
    expect(body.funnel.map((f) => [f.metric, f.value])).toEqual([
      ['live_impressions', 10_000],
      ['views', 1000],
      ['live_product_clicks', 10],
      ['live_orders', 5],
      ['live_gmv', 250],
    ]);
    const missing = await get('viewer', '/api/livestreams/nope');
    expect([missing.statusCode, missing.json<ErrorBody>().error.code]).toEqual([404, 'not_found']);
  });

  it('gives the leaderboard of the period: sessions with at least the median views, best first', async () => {
    const res = await get('viewer', '/api/livestreams/leaderboard?from=2026-03-02&to=2026-03-08&limit=2');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ minViews: number; boards: { metric: string; rows: { id: string }[] }[] }>();
    expect(body.minViews).toBe(1000);
    expect(body.boards.map((b) => [b.metric, b.rows.length])).toEqual([['gpm', 2], ['gmv_per_live_hour', 2]]);
  });

  it('serves the minute timeline with its peak, and lets analysts pin notes that viewers cannot', async () => {
    const timeline = await get('viewer', '/api/livestreams/c7/timeline');
    expect(timeline.statusCode).toBe(200);
    const body = timeline.json<{ minutes: unknown[]; events: { kind: string; minute: number }[] }>();
    expect(body.minutes).toHaveLength(90);
    expect(body.events).toEqual([expect.objectContaining({ kind: 'peak', minute: 30 })]);

    const refused = await send('viewer', 'POST', '/api/livestreams/c7/notes', { minute: 30, body: 'Flash deal' });
    expect(refused.statusCode).toBe(403);
    const created = await send('analyst', 'POST', '/api/livestreams/c7/notes', { minute: 30, body: 'Flash deal' });
    expect(created.statusCode).toBe(201);
    const note = created.json<{ note: { id: number; minute: number; createdBy: string } }>().note;
    expect(note).toMatchObject({ minute: 30, createdBy: 'analyst@test.aisle' });
    const late = await send('analyst', 'POST', '/api/livestreams/c7/notes', { minute: 500, body: 'Too late' });
    expect([late.statusCode, late.json<ErrorBody>().error.details?.field]).toEqual([400, 'minute']);
    expect((await get('viewer', '/api/livestreams/c7/timeline')).json<{ notes: { body: string }[] }>().notes.map((n) => n.body)).toEqual(['Flash deal']);

    expect((await send('viewer', 'DELETE', `/api/livestreams/c7/notes/${note.id}`)).statusCode).toBe(403);
    expect((await send('manager', 'DELETE', `/api/livestreams/c7/notes/${note.id}`)).statusCode).toBe(204);
    expect((await send('analyst', 'DELETE', `/api/livestreams/c7/notes/${note.id}`)).statusCode).toBe(404);
  });
});
