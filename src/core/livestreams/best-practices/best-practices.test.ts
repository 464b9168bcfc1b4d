import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../../../test/support/hand-built-sessions.ts';
import { ensureDefaultRubric } from '../default-rubric.ts';
import { getBestPractices, mannWhitney, pickHighlights, sizeOf, DELTA_THRESHOLDS, strengthOf, twoProportionZ, type NumericFinding, type ShareFinding } from './best-practices.ts';
import { getImprovementAreas } from './improvement-areas.ts';

// Kitchen, week of Monday 2026-03-02: twelve sessions with 1,000 views each, so GPM = GMV.
// - k0..k2 (the top quartile by GPM: 900, 800, 700): 150 minutes, 20 products, start at 19:00;
// - k3..k11 (GPM 100, 150, …, 500): 60 minutes, 6 products, k3..k8 start at 10:00, k9..k11 at 19:00.
// Home Decor has three sessions: too few for a quartile, so it is left out.
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const day = (i: number) => DAYS[i % 7] ?? '2026-03-02';
const top: SessionSpec[] = [900, 800, 700].map((gmv, i) => ({ id: `k${i}`, day: day(i), gmv, durationMin: 150, products: 20, hour: 19 }));
const rest: SessionSpec[] = Array.from({ length: 9 }, (_, n) => ({
  id: `k${n + 3}`,
  seller: n % 2 ? 'k2' : 'k1',
  day: day(n),
  gmv: 100 + 50 * n,
  durationMin: 60,
  products: 6,
  hour: n < 6 ? 10 : 19,
}));
const decor: SessionSpec[] = [0, 1, 2].map((i) => ({ id: `d${i}`, seller: 'd1', day: day(i), gmv: 300 }));

let db: Database;

async function review(id: string, reviewer: string, hostDelivery: number, tags: string[], on: Database = db) {
  const { rubricId } = await ensureDefaultRubric(on, 'test');
  const scores = { host_delivery: hostDelivery, product_demonstration: 3 };
  await on.run(sql`INSERT INTO livestream_reviews (livestream_id, rubric_id, reviewer, scores, tags)
    VALUES (${id}, ${rubricId}, ${reviewer}, CAST(${JSON.stringify(scores)} AS JSON), CAST(${JSON.stringify(tags)} AS VARCHAR[]))`);
}

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await insertSessionSellers(db);
  await insertSessions(db, [...top, ...rest, ...decor]);
  // Top: k0 reviewed twice (host 5 and 3 → 4), k1 once (5). Rest: k3, k4, k5 with host 2.
  await review('k0', 'ana', 5, ['strong_hook']);
  await review('k0', 'ben', 3, []);
  await review('k1', 'ana', 5, ['strong_hook']);
  await review('k3', 'ana', 2, ['weak_opening']);
  await review('k4', 'ben', 2, ['strong_hook']);
  await review('k5', 'ana', 2, []);
});
afterAll(async () => {
  await db.close();
});

describe('Mann–Whitney and two-proportion statistics', () => {
  it('gives the share of pairs won and a z-score from the rank sum', () => {
    // Top 3 all above 9 others: ranks 10, 11, 12 → U = 33 − 6 = 27 of 27 pairs.
    const all = mannWhitney(33, 3, 9);
    expect(all.superiority).toBe(1);
    expect(all.z).toBeCloseTo(13.5 / Math.sqrt((27 * 13) / 12), 12);
    // Perfectly mixed: U = pairs / 2.
    expect(mannWhitney(1 + 4, 2, 2)).toEqual({ superiority: 0.5, z: 0 });
    expect(mannWhitney(0, 0, 5)).toEqual({ superiority: 0.5, z: 0 });
  });

  it('pools the two shares for the standard error', () => {
    // 3/3 vs 3/9: pooled 0.5, se = sqrt(0.25 × (1/3 + 1/9)).
    expect(twoProportionZ(3, 3, 3, 9)).toBeCloseTo((1 - 1 / 3) / Math.sqrt(0.25 * (1 / 3 + 1 / 9)), 12);
    expect(twoProportionZ(0, 4, 0, 4)).toBe(0);
  });

  it('grades size by Cliff’s delta or share points, separately from evidence', () => {
    expect([0.1, 0.147, 0.4, -0.5].map((d) => sizeOf(d, DELTA_THRESHOLDS))).toEqual(['negligible', 'small', 'medium', 'large']);
  });

  it('picks headline findings in turn from each section, largest first, skipping weak, negligible and workflow ones', () => {
    const numeric = (key: string, effect: number, strength: 'strong' | 'weak' = 'strong', size: NumericFinding['size'] = 'medium') =>
      ({ key, effect, size, strength, direction: effect > 0 ? 'higher' : 'lower', sentence: key }) as unknown as NumericFinding;
    const tag = (key: string, difference: number, tagKind: ShareFinding['tagKind']) =>
      ({ key, kind: 'tag', difference, size: 'large', strength: 'strong', tagKind, sentence: key }) as unknown as ShareFinding;
    const habits = [numeric('length', 0.3), numeric('products', 0.1, 'strong', 'negligible')];
    const interactions = [numeric('ctr', 0.4), numeric('follow', 0.35), numeric('views', 0.9, 'weak')];
    const tags = [tag('hook', 0.5, 'best_practice'), tag('lighting', -0.4, 'issue'), tag('follow_up', -0.45, 'workflow'), tag('claims', 0.3, 'issue')];
    // Sections in order of their largest finding (tags 0.5, interactions 0.4, habits 0.3), one each per round.
    expect(pickHighlights([habits, interactions, tags])).toEqual(['hook', 'ctr', 'length', 'lighting', 'follow']);
  });

  it('grades strength by |z|', () => {
    expect([strengthOf(2.6), strengthOf(-2.5), strengthOf(1.5), strengthOf(1.49), strengthOf(0)]).toEqual(['strong', 'strong', 'moderate', 'weak', 'weak']);
  });
});

describe('best practices on hand-built sessions', () => {
  it('marks the top quartile of each subcategory by GPM and leaves out subcategories too small to rank', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    expect(result.outcome).toBe('gpm');
    expect(result.sessions).toEqual({ all: 15, unranked: 0, top: 3, rest: 9, reviewedTop: 2, reviewedRest: 3 });
    const kitchen = result.subcategories.find((s) => s.subcategory === 'kitchen');
    expect(kitchen).toMatchObject({ sessions: 12, ranked: 12, included: true, topSessions: 3, topThreshold: 700 });
    expect(result.subcategories.find((s) => s.subcategory === 'home_decor')).toMatchObject({ sessions: 3, included: false, topSessions: 0 });
  });

  it('compares session habits with medians, the share of pairs won and the sessions behind it', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    const length = result.habits.find((f) => f.key === 'duration_h');
    expect(length).toMatchObject({ topMedian: 2.5, restMedian: 1, direction: 'higher', superiority: 1, topSessions: 3, restSessions: 9 });
    expect(length?.change).toBeCloseTo(1.5, 12);
    // Every top session is longer than every other: U = 27 of 27, z = 13.5 / sqrt(27 × 13 / 12) ≈ 2.50.
    expect(length?.z).toBeCloseTo(13.5 / Math.sqrt(29.25), 12);
    expect(length?.strength).toBe('moderate');
    expect(length).toMatchObject({ effect: 1, size: 'large' });
    expect(length?.sentence).toBe(
      'Top-quartile sessions run longer: median 2.5 h vs 1.0 h (+150%), higher in 100% of pairs; 3 top vs 9 other sessions.',
    );
    const products = result.habits.find((f) => f.key === 'products_per_hour');
    expect(products).toMatchObject({ topMedian: 8, restMedian: 6, direction: 'higher' });
  });

  it('compares start hours and review tags as shares, with the gap in points', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    const evening = result.startHours.find((f) => f.key === '18_21');
    expect(evening).toMatchObject({ topShare: 1, topSessions: 3, restSessions: 9 });
    expect(evening?.restShare).toBeCloseTo(3 / 9, 12);
    expect(evening?.z).toBeCloseTo(twoProportionZ(3, 3, 3, 9), 12);
    expect(evening?.sentence).toBe('100% of top-quartile sessions start 18:00–21:00 vs 33% of the rest (+67 pts; 3 vs 9 sessions).');
    const morning = result.startHours.find((f) => f.key === '10_14');
    expect(morning).toMatchObject({ topShare: 0, restShare: 6 / 9 });
    // Tags among reviewed sessions: strong_hook on both reviewed top sessions, on one of three others.
    const hook = result.tags.find((f) => f.key === 'strong_hook');
    expect(hook).toMatchObject({ topShare: 1, topSessions: 2, restSessions: 3, label: 'Strong hook' });
    expect(hook?.restShare).toBeCloseTo(1 / 3, 12);
    expect(result.tags.find((f) => f.key === 'weak_opening')).toMatchObject({ topShare: 0, difference: -1 / 3 });
  });

  it('compares rubric criteria on the mean of each session’s reviewers, named as in the rubric', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    const host = result.rubric.find((f) => f.key === 'rubric:host_delivery');
    // k0 = mean(5, 3) = 4, k1 = 5 vs 2, 2, 2.
    expect(host).toMatchObject({ label: 'Host delivery', format: 'score', topMedian: 4.5, restMedian: 2, superiority: 1, topSessions: 2, restSessions: 3 });
    const demo = result.rubric.find((f) => f.key === 'rubric:product_demonstration');
    expect(demo).toMatchObject({ direction: 'same', superiority: 0.5, z: 0 });
    expect(demo?.sentence).toMatch(/^Product demonstration: no difference/);
  });

  it('lists the latest reviews that name a best practice as examples, with their quartile', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    expect(result.examples.map((e) => [e.livestreamId, e.reviewer, e.practices, e.topQuartile])).toEqual([
      ['k4', 'ben', ['Strong hook'], false],
      ['k1', 'ana', ['Strong hook'], true],
      ['k0', 'ana', ['Strong hook'], true],
    ]);
    expect(result.examples[0]).toMatchObject({ sellerName: 'Pan Palace', startDate: '2026-03-03' });
    expect(result.tags.find((f) => f.key === 'weak_opening')?.tagKind).toBe('issue');
  });

  it('ranks by GMV per live hour when asked, which turns the length finding around', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08', outcome: 'gmv_per_live_hour' });
    // Per hour the one-hour sessions with 500, 450 and 400 beat the long ones (360, 320, 280).
    const kitchen = result.subcategories.find((s) => s.subcategory === 'kitchen');
    expect(kitchen?.topThreshold).toBe(400);
    // The rest now holds the three long sessions and six one-hour ones: top sessions tie 18 of 27 pairs, lose 9.
    const length = result.habits.find((f) => f.key === 'duration_h');
    expect(length).toMatchObject({ direction: 'lower', topMedian: 1, restMedian: 1 });
    expect(length?.superiority).toBeCloseTo(1 / 3, 12);
  });

  it('highlights only differences with evidence, strongest first', async () => {
    const result = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08' });
    expect(result.highlights.length).toBeGreaterThan(0);
    expect(result.highlights.length).toBeLessThanOrEqual(5);
    const all = [...result.habits, ...result.interactions, ...result.rubric, ...result.startHours, ...result.tags];
    for (const sentence of result.highlights) {
      const finding = all.find((f) => f.sentence === sentence);
      expect(finding?.strength).not.toBe('weak');
    }
  });

  it('says nothing rather than guess for a subcategory too small to rank, and refuses bad requests', async () => {
    const decorOnly = await getBestPractices(db, { from: '2026-03-02', to: '2026-03-08', subcategory: 'home_decor' });
    expect(decorOnly.sessions).toMatchObject({ all: 3, top: 0, rest: 0 });
    expect([...decorOnly.habits, ...decorOnly.startHours, ...decorOnly.highlights]).toEqual([]);
    await expect(getBestPractices(db, { from: '2026-03-09', to: '2026-03-02' })).rejects.toThrow(/starts \(2026-03-09\) after it ends/);
    await expect(getBestPractices(db, { from: '2025-01-01', to: '2026-03-02' })).rejects.toThrow(/longer than 92 days/);
    await expect(getBestPractices(db, { outcome: 'likes' as never })).rejects.toThrow(/cannot rank sessions by "likes"/);
  });
});

describe('a seller’s improvement areas', () => {
  it('puts the funnel step that cost the most money first, then the top quartile’s practices the seller lacks', async () => {
    // Pan Palace (k2) ran k4, k6, k8, k10: one hour each, GMV 150, 250, 350, 450 from 5 orders, in the
    // 1–2 h band whose nine sessions have a median order value of 60. At that median k4 (30) would have
    // made 150 more and k6 (50) 50 more: 200 of its 1,200 live GMV, above the 5% bar.
    const result = await getImprovementAreas(db, 'k2', { from: '2026-03-02', to: '2026-03-08' });
    expect(result).toMatchObject({ sellerName: 'Pan Palace', subcategory: 'kitchen', sessions: 4, liveGmv: 1200, note: null });
    expect(result.areas.map((a) => [a.kind, a.key])).toEqual([
      ['funnel', 'aov'],
      // Length: z 2.50 × gap (2.5 − 1) / 2.5 = 1.50; host delivery: z 1.73 × (4.5 − 2) / 4.5 = 0.96;
      // products per hour: 2.50 × (8 − 6) / 8 = 0.62, fourth and left out.
      ['practice', 'duration_h'],
      ['rubric', 'rubric:host_delivery'],
    ]);
    const [aov, length, host] = result.areas;
    expect(aov?.upside).toBeCloseTo(200, 6);
    expect(aov).toMatchObject({ sessions: 2, headline: 'Order value cost about $200' });
    expect(aov?.evidence).toMatch(/^Order value was below the peer median in 2 of 4 sessions/);
    expect(length).toMatchObject({ sellerValue: 1, benchmark: 2.5, sessions: 4, headline: 'Session length: 1.0 h vs 2.5 h in the top quartile' });
    expect(host).toMatchObject({ sellerValue: 2, benchmark: 4.5, sessions: 1 });
  });

  it('says why when there is nothing to improve or nothing to judge', async () => {
    const decor = await getImprovementAreas(db, 'd1', { from: '2026-03-02', to: '2026-03-08' });
    expect(decor.areas).toEqual([]);
    expect(decor.note).toMatch(/Too few comparable sessions/);
    const quiet = await getImprovementAreas(db, 'k2', { from: '2026-02-01', to: '2026-02-10' });
    expect(quiet).toMatchObject({ sessions: 0, areas: [], note: 'Pan Palace has no livestream sessions from 2026-02-01 to 2026-02-10.' });
    await expect(getImprovementAreas(db, 'nobody')).rejects.toThrow(/no seller with id nobody/);
  });
});

// Answers are kept per database while the data version, the reviews and the benchmarks are those
// they were computed from (session-comparison.ts); each change below must give the answer a fresh
// computation gives (on a transaction's executor, which never reuses one).
describe('best practices kept between changes', () => {
  let own: Database;
  const week = { from: '2026-03-02', to: '2026-03-08' };
  const fresh = () => own.transaction((tx) => getBestPractices(tx, week));

  beforeAll(async () => {
    own = await openMigratedMemoryDb();
    await insertSessionSellers(own);
    await insertSessions(own, [...top, ...rest, ...decor]);
    await review('k0', 'ana', 5, ['strong_hook'], own);
  });
  afterAll(() => own.close());

  it('answers again from what it kept while nothing changed', async () => {
    const first = await getBestPractices(own, week);
    expect(await getBestPractices(own, week)).toEqual(first);
    expect(first).toEqual(await fresh());
  });

  it('replaces a kept answer when a seller is renamed (data version), a review is written or a session arrives', async () => {
    const before = await getBestPractices(own, week);
    expect(before.examples.map((e) => e.sellerName)).toEqual(['Kitchen King']);

    await own.run(sql`UPDATE sellers SET name = 'Kitchen Queen', updated_at = now() WHERE id = 'k1'`);
    const renamed = await getBestPractices(own, week);
    expect(renamed.examples.map((e) => e.sellerName)).toEqual(['Kitchen Queen']);
    expect(renamed).toEqual(await fresh());

    await review('k1', 'ben', 5, ['strong_hook'], own);
    const reviewed = await getBestPractices(own, week);
    expect(reviewed.sessions.reviewedTop).toBe(renamed.sessions.reviewedTop + 1);
    expect(reviewed.examples.map((e) => e.livestreamId)).toEqual(['k1', 'k0']);
    expect(reviewed).toEqual(await fresh());

    await insertSessions(own, [{ id: 'k12', day: '2026-03-04', gmv: 1000, durationMin: 150, products: 20, hour: 19 }]);
    const grown = await getBestPractices(own, week);
    expect(grown.sessions.all).toBe(reviewed.sessions.all + 1);
    expect(grown.subcategories.find((s) => s.subcategory === 'kitchen')).toMatchObject({ sessions: 13, topSessions: 4 });
    expect(grown).toEqual(await fresh());
  });
});
