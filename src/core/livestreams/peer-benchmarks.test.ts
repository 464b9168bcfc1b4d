import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../../test/support/hand-built-sessions.ts';
import { ensureBenchmarks } from './peer-benchmarks.ts';
import { getLivestream } from './session-detail.ts';
import { listLivestreams } from './session-list.ts';

// Hand-built pools whose percentiles are known. Week of Monday 2026-03-02:
// - kitchen, 1–2 h: c0..c10 with CTR 1%..11% (c10 also sells twice as much), plus "old" (CTR 0.5%,
//   seller k2) seven weeks earlier — still a peer — and "too-old" eight weeks earlier, which is not;
// - kitchen, 2–4 h: one long session, alone in its band;
// - home decor, 1–2 h: CTR 2%, 2%, 2%, 4%, 4%, 6% (ties) and one session without views;
// - home decor, 2–4 h: three sessions, too few peers for a percentile.
const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const kitchen: SessionSpec[] = Array.from({ length: 11 }, (_, i) => ({
  id: `c${i}`,
  day: WEEK[i % 7] ?? '2026-03-02',
  clicks: 10 * (i + 1),
  ...(i === 10 ? { gmv: 500 } : {}),
}));
const SESSIONS: SessionSpec[] = [
  ...kitchen,
  { id: 'old', seller: 'k2', day: '2026-01-12', clicks: 5 },
  { id: 'too-old', day: '2026-01-11', clicks: 1 },
  { id: 'long', day: '2026-03-04', durationMin: 200, clicks: 1000 },
  ...[20, 20, 20, 40, 40, 60].map((clicks, i) => ({ id: `h${i}`, seller: 'd1', day: WEEK[i] ?? '2026-03-02', clicks })),
  { id: 'hn', seller: 'd1', day: '2026-03-05', views: null, clicks: 0, orders: 0, gmv: 0 },
  ...[1, 2, 3].map((i) => ({ id: `long-d${i}`, seller: 'd1', day: '2026-03-03', durationMin: 180 })),
];

interface Row {
  livestream_id: string;
  ctr: number | null;
  ctr_pct: number | null;
  gpm_pct: number | null;
  ctor_pct: number | null;
  peer_score: number | null;
  band: string;
}

let db: Database;
const rows = async (): Promise<Map<string, Row>> => {
  const found = await db.query<Row>(sql`
    SELECT livestream_id, ctr, ctr_pct, gpm_pct, ctor_pct, peer_score, band FROM livestream_benchmarks WHERE week = DATE '2026-03-02'`);
  return new Map(found.map((r) => [r.livestream_id, r]));
};
const pct = (map: Map<string, Row>, id: string) => map.get(id)?.ctr_pct;

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await insertSessionSellers(db);
  await insertSessions(db, SESSIONS);
});
afterAll(async () => {
  await db.close();
});

describe('peer benchmarks on hand-built sessions', () => {
  it('ranks each session among its subcategory, duration band and 8 weeks: below + half the ties, over the peers', async () => {
    expect(await ensureBenchmarks(db, { from: '2026-03-02', to: '2026-03-08' })).toEqual({ recomputed: 2 });
    const map = await rows();
    // Only the week asked for is benchmarked.
    expect([...map.keys()].sort()).toEqual(SESSIONS.filter((s) => s.day >= '2026-03-02').map((s) => s.id).sort());
    // "old" (0.5%) is below every c-session; "too-old" (0.1%) is outside the 8 weeks and the long session in another band.
    for (let i = 0; i <= 10; i += 1) expect(pct(map, `c${i}`)).toBeCloseTo((i + 1) / 11, 12);
    // Ties count half: 2% beats nobody and ties two of five peers; 4% beats three and ties one.
    expect(pct(map, 'h0')).toBeCloseTo(0.2, 12);
    expect(pct(map, 'h2')).toBeCloseTo(0.2, 12);
    expect(pct(map, 'h3')).toBeCloseTo(0.7, 12);
    expect(pct(map, 'h5')).toBeCloseTo(1, 12);
    // No views → no CTR, and it does not count as a peer of the others.
    expect(map.get('hn')).toMatchObject({ ctr: null, ctr_pct: null });
    // Too few peers (2 others; alone) → no percentile, rather than a meaningless one.
    expect(pct(map, 'long-d1')).toBeNull();
    expect(map.get('long')).toMatchObject({ band: '2_4h', ctr_pct: null, peer_score: null });
  });

  it('scores a session by the mean percentile of the score metrics', async () => {
    const map = await rows();
    // c10: GPM and GMV per hour above every peer (1), CTOR below every peer (0), CTR top (1),
    // engagement, conversion, view duration and follow rate tied with everyone (0.5).
    expect(map.get('c10')).toMatchObject({ gpm_pct: 1, ctor_pct: 0, ctr_pct: 1, peer_score: 62.5 });
    // c3's GPM ties with the ten peers that do not include c10.
    expect(map.get('c3')?.gpm_pct).toBeCloseTo(5 / 11, 12);
  });

  it('gives the session page the same percentile with its peer median, peer count and rating', async () => {
    const detail = await getLivestream(db, 'c1');
    const ctr = detail.benchmarks.find((b) => b.metric === 'ctr');
    expect(ctr).toMatchObject({ value: 0.02, peers: 11, rating: 'bad' });
    expect(ctr?.percentile).toBeCloseTo(2 / 11, 12);
    expect(ctr?.peerMedian).toBeCloseTo(0.055, 12); // median of 0.5%, 1%..11%
    expect(detail.peerGroup).toMatchObject({ subcategory: 'kitchen', band: '1_2h', from: '2026-01-12', to: '2026-03-08', peers: 11 });
    const decor = await getLivestream(db, 'h3');
    expect(decor.benchmarks.find((b) => b.metric === 'ctr')).toMatchObject({ peerMedian: 0.03, peers: 5, rating: 'good' });
  });

  it('lists the sessions with the same figures, filtered by score band and sorted', async () => {
    const list = await listLivestreams(db, { from: '2026-03-02', to: '2026-03-08', filters: { subcategory: ['kitchen'] }, sort: { column: 'ctr', direction: 'desc' } });
    expect(list.rows.map((r) => r.id)).toEqual(['long', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    expect(list.rows.find((r) => r.id === 'c10')?.peer_score).toBe(62.5);
    const good = await listLivestreams(db, { from: '2026-03-02', to: '2026-03-08', filters: { band: ['good'] } });
    expect(good.rows.every((r) => r.peer_score !== null && r.peer_score >= 50 && r.peer_score < 75)).toBe(true);
    expect(good.rows.map((r) => r.id)).toContain('c10');
  });

  it('recomputes only when the sessions behind a pool change: an edit, a seller moving subcategory', async () => {
    expect(await ensureBenchmarks(db, { from: '2026-03-02', to: '2026-03-08' })).toEqual({ recomputed: 0 });
    await db.run(sql`UPDATE livestreams SET product_clicks = 200, product_impressions = 800 WHERE id = 'c0'`);
    expect(await ensureBenchmarks(db, { from: '2026-03-02', to: '2026-03-08' })).toEqual({ recomputed: 1 });
    let map = await rows();
    expect(pct(map, 'c0')).toBeCloseTo(1, 12); // 20% now tops the pool
    expect(pct(map, 'c10')).toBeCloseTo(10 / 11, 12);
    // "old" belongs to k2: once k2 sells home decor, the kitchen pool loses its lowest session.
    await db.run(sql`UPDATE sellers SET subcategory_id = 'home_decor' WHERE id = 'k2'`);
    expect(await ensureBenchmarks(db, { from: '2026-03-02', to: '2026-03-08' })).toEqual({ recomputed: 2 });
    map = await rows();
    expect(pct(map, 'c1')).toBeCloseTo(0, 12); // 2% is now the lowest of c0 (20%) and c1..c10
    expect(pct(map, 'c10')).toBeCloseTo(9 / 10, 12);
    expect(map.size).toBe(SESSIONS.filter((s) => s.day >= '2026-03-02').length);
  });
});
