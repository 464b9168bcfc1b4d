import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { sql } from '../core/db/sql.ts';
import { DEFAULT_RUBRIC_CRITERIA } from '../core/livestreams/default-rubric.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../test/support/hand-built-sessions.ts';

interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: { field?: string } };
}
interface ReviewBody {
  id: number;
  reviewer: string;
  rubricVersion: number;
  score100: number;
  tags: string[];
}
interface SessionReviewsBody {
  reviews: ReviewBody[];
  quality: { score: number | null; basis: string | null; rubric: number | null; peers: number | null };
  agreement: { flagged: boolean; maxSpread: number | null };
}
interface QueueBody {
  from: string;
  to: string;
  total: number;
  rows: { id: string; liveGmv: number }[];
}

// Kitchen week of 2026-03-02: eight sessions by tier-A sellers, GMV 100..800.
const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const SESSIONS: SessionSpec[] = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, day: WEEK[i % 7] ?? '2026-03-02', clicks: 10 * (i + 1), gmv: 100 * (i + 1) }));
const at = (level: number, overrides: Record<string, number> = {}) => Object.fromEntries(DEFAULT_RUBRIC_CRITERIA.map((c) => [c.key, overrides[c.key] ?? level]));

describe('reviews and rubric over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  const as = (role: Role) => sessionHeaders(db, users[role]);
  const get = async (role: Role, url: string) => app.inject({ method: 'GET', url, headers: await as(role) });
  const send = async (role: Role, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: await as(role), ...(payload === undefined ? {} : { payload: payload as object }) });

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

  it('creates a review on the active rubric, updates it on a second PUT, and shows it with the quality score', async () => {
    const created = await send('analyst', 'PUT', '/api/reviews/sessions/c7', { scores: at(4), notes: 'Pinned early', tags: ['pinned_products_early'] });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ review: ReviewBody }>().review).toMatchObject({ reviewer: 'analyst@test.aisle', rubricVersion: 1, score100: 75, tags: ['pinned_products_early'] });
    const updated = await send('analyst', 'PUT', '/api/reviews/sessions/c7', { scores: at(5), tags: [] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<{ review: ReviewBody; created: boolean }>()).toMatchObject({ created: false, review: { score100: 100, tags: [] } });
    await send('manager', 'PUT', '/api/reviews/sessions/c7', { scores: at(5, { host_delivery: 3 }) });

    const res = await get('viewer', '/api/reviews/sessions/c7');
    expect(res.statusCode).toBe(200);
    const body = res.json<SessionReviewsBody>();
    expect(body.reviews.map((r) => r.reviewer)).toEqual(['analyst@test.aisle', 'manager@test.aisle']);
    expect(body.agreement).toMatchObject({ flagged: true, maxSpread: 2 });
    expect(body.quality.basis).toBe('rubric_and_peers');
    const rubric = body.quality.rubric ?? 0;
    expect(rubric).toBe(95); // (100 + 90) / 2: the manager's host delivery 3 costs 0.2 × 2 / 4 = 10 points
    expect(body.quality.score).toBe(Math.round((rubric + (body.quality.peers ?? 0)) * 5) / 10);

    const detail = (await get('viewer', '/api/livestreams/c7')).json<{ reviews: number; quality: { score: number } }>();
    expect(detail).toMatchObject({ reviews: 2, quality: { score: body.quality.score } });
    const list = (await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&reviewed=yes')).json<{ rows: { id: string; quality_score: number }[] }>();
    expect(list.rows).toEqual([expect.objectContaining({ id: 'c7', quality_score: body.quality.score })]);
    const open = (await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&reviewed=no')).json<{ total: number }>();
    expect(open.total).toBe(7);
    const bad = await get('viewer', '/api/livestreams?from=2026-03-02&to=2026-03-08&scoreBand=10-20');
    expect(bad.statusCode).toBe(400);

    const reviews = (await get('viewer', '/api/reviews?livestream=c7')).json<{ total: number; rows: { sellerName: string }[] }>();
    expect(reviews).toMatchObject({ total: 2, rows: [{ sellerName: 'Kitchen King' }, { sellerName: 'Kitchen King' }] });
  });

  it('answers bad reviews with a 400 naming the field, and unknown sessions with a 404', async () => {
    const out = await send('analyst', 'PUT', '/api/reviews/sessions/c1', { scores: at(3, { compliance: 9 }) });
    expect(out.statusCode).toBe(400);
    expect(out.json<ErrorBody>().error).toMatchObject({ message: expect.stringContaining('Compliance is 9') as string, details: { field: 'scores.compliance' } });
    const tag = await send('analyst', 'PUT', '/api/reviews/sessions/c1', { scores: at(3), tags: ['nice'] });
    expect(tag.json<ErrorBody>().error).toMatchObject({ message: 'unknown review tag: nice', details: { field: 'tags' } });
    expect((await send('analyst', 'PUT', '/api/reviews/sessions/nope', { scores: at(3) })).statusCode).toBe(404);
    expect((await send('viewer', 'PUT', '/api/reviews/sessions/c1', { scores: at(3) })).statusCode).toBe(403);
  });

  it('lets managers save a new rubric version and keeps old reviews on theirs', async () => {
    const criteria = DEFAULT_RUBRIC_CRITERIA.map((c) => (c.key === 'compliance' ? { ...c, weight: 0.2 } : c.key === 'visual_audio' ? { ...c, weight: 0 } : c));
    const refused = await send('manager', 'POST', '/api/rubrics', { criteria });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.details?.field).toBe('criteria.2.weight');
    expect((await send('analyst', 'POST', '/api/rubrics', { criteria: DEFAULT_RUBRIC_CRITERIA })).statusCode).toBe(403);
    const fixed = criteria.filter((c) => c.key !== 'visual_audio');
    const saved = await send('manager', 'POST', '/api/rubrics', { criteria: fixed });
    expect(saved.statusCode).toBe(201);
    expect(saved.json<{ rubric: { version: number; isActive: boolean } }>().rubric).toMatchObject({ version: 2, isActive: true });
    const versions = (await get('viewer', '/api/rubrics')).json<{ versions: { version: number; reviews: number }[] }>().versions;
    expect(versions.map((v) => [v.version, v.reviews])).toEqual([[2, 0], [1, 2]]);
    const body = (await get('viewer', '/api/reviews/sessions/c7')).json<SessionReviewsBody>();
    expect(body.reviews.map((r) => [r.rubricVersion, r.score100])).toEqual([[1, 100], [1, 90]]);
    expect((await get('viewer', '/api/rubrics/active')).json<{ rubric: { version: number } }>().rubric.version).toBe(2);
  });

  it('serves the queue of the given week and shrinks it when a session is reviewed', async () => {
    const before = (await get('viewer', '/api/reviews/queue?from=2026-03-02&to=2026-03-08')).json<QueueBody>();
    expect(before).toMatchObject({ from: '2026-03-02', to: '2026-03-08', total: 7 });
    expect(before.rows.map((r) => r.id)).toEqual(['c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    const v2 = Object.fromEntries(DEFAULT_RUBRIC_CRITERIA.filter((c) => c.key !== 'visual_audio').map((c) => [c.key, 3]));
    expect((await send('analyst', 'PUT', '/api/reviews/sessions/c6', { scores: v2 })).statusCode).toBe(201);
    const after = (await get('viewer', '/api/reviews/queue?from=2026-03-02&to=2026-03-08')).json<QueueBody>();
    expect(after.total).toBe(6);
    expect(after.rows[0]?.id).toBe('c5');
    const calibration = (await get('viewer', '/api/reviews/calibration?flagged=yes')).json<{ sessions: { livestreamId: string }[] }>();
    expect(calibration.sessions.map((s) => s.livestreamId)).toEqual(['c7']);
  });

  it('serves the tag catalog and a host’s weekly quality', async () => {
    const options = (await get('viewer', '/api/reviews/options')).json<{ tags: { key: string; kind: string }[]; disagreePoints: number; qualityWeights: { rubric: number } }>();
    expect(options).toMatchObject({ disagreePoints: 2, qualityWeights: { rubric: 0.5 } });
    for (const key of ['strong_hook', 'weak_opening', 'best_practice', 'coaching_needed', 'follow_up']) expect(options.tags.map((t) => t.key)).toContain(key);
    const trend = await get('viewer', '/api/reviews/host-trend?seller=k1&host=Ana');
    expect(trend.statusCode).toBe(200);
    const week = trend.json<{ weeks: { week: string; sessions: number; reviewed: number; rubric: number | null }[] }>().weeks;
    expect(week).toEqual([expect.objectContaining({ week: '2026-03-02', sessions: 8, reviewed: 2 })]);
    expect((await get('viewer', '/api/reviews/host-trend?seller=k1')).statusCode).toBe(400);
  });

  it("deletes one's own review; another analyst may not, a manager may", async () => {
    const { reviews } = (await get('viewer', '/api/reviews/sessions/c7')).json<SessionReviewsBody>();
    const managers = reviews.find((r) => r.reviewer === 'manager@test.aisle');
    const analysts = reviews.find((r) => r.reviewer === 'analyst@test.aisle');
    if (!managers || !analysts) throw new Error('c7 should have two reviews');
    // The session page is cached while facts and reviews are unchanged: read it now, so the deletions must replace it.
    expect((await get('viewer', '/api/livestreams/c7')).json()).toMatchObject({ reviews: 2 });
    expect((await send('analyst', 'DELETE', `/api/reviews/${managers.id}`)).statusCode).toBe(422);
    expect((await send('analyst', 'DELETE', `/api/reviews/${analysts.id}`)).statusCode).toBe(204);
    expect((await send('admin', 'DELETE', `/api/reviews/${managers.id}`)).statusCode).toBe(204);
    expect((await get('viewer', '/api/reviews/sessions/c7')).json<SessionReviewsBody>().reviews).toEqual([]);
    expect((await get('viewer', '/api/livestreams/c7')).json()).toMatchObject({ reviews: 0, rubricScore: null });
    const audit = await db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'livestream_review' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'create', 'create', 'delete', 'delete']);
  });
});
