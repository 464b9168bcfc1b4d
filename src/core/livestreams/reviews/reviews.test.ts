import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers, type SessionSpec } from '../../../../test/support/hand-built-sessions.ts';
import { DEFAULT_RUBRIC_CRITERIA } from '../default-rubric.ts';
import { getLivestream } from '../session-detail.ts';
import { listLivestreams } from '../session-list.ts';
import { getSessionReviews, lastCompleteWeek, reviewCalibration, reviewQueue } from './review-analysis.ts';
import { qualityScore } from './review-scores.sql.ts';
import { deleteReview, listReviews, saveReview, type ReviewInput } from './reviews.ts';
import { getActiveRubric, listRubricVersions, saveRubricVersion, validateRubricCriteria, weightedScore, type RubricCriterion } from './rubrics.ts';

const ANNA: Actor = { userId: 11, label: 'anna@example.com', role: 'analyst' };
const BEN: Actor = { userId: 12, label: 'ben@example.com', role: 'analyst' };
const MIA: Actor = { userId: 13, label: 'mia@example.com', role: 'manager' };

/** Every criterion of the default rubric at one level, with some overridden. */
const levels = (level: number, overrides: Record<string, number> = {}): Record<string, number> =>
  Object.fromEntries(DEFAULT_RUBRIC_CRITERIA.map((c) => [c.key, overrides[c.key] ?? level]));

// Week of Monday 2026-03-02 in the kitchen subcategory (sellers k1, k2 tier A; d1 is made tier B):
// s0..s9 with rising CTR (so rising peer scores) and GMV 100..1000.
const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
const SESSIONS: SessionSpec[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, seller: i % 2 ? 'k2' : 'k1', day: WEEK[i % 7] ?? WEEK[0] ?? '', clicks: 10 * (i + 1), gmv: 100 * (i + 1) })),
  { id: 'decor', seller: 'd1', day: '2026-03-04', gmv: 5000 },
  { id: 'next-week', day: '2026-03-10', gmv: 9000 },
];

let db: Database;
const save = (actor: Actor, id: string, input: ReviewInput) => saveReview(db, actor, id, input);

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await insertSessionSellers(db);
  await insertSessions(db, SESSIONS);
  await db.run(sql`INSERT INTO seller_segments (seller_id, tier) VALUES ('d1', 'B')`);
});
afterAll(async () => {
  await db.close();
});

describe('rubric scoring', () => {
  it('weighs every criterion by its weight and maps 1–5 onto 0–100', () => {
    expect(weightedScore(DEFAULT_RUBRIC_CRITERIA, levels(4))).toEqual({ score: 4, score100: 75 });
    expect(weightedScore(DEFAULT_RUBRIC_CRITERIA, levels(1))).toEqual({ score: 1, score100: 0 });
    // host 0.2 × 5 + demo 0.15 × 3 + visual 0.1 × 2 + structure 0.15 × 4 + offers 0.15 × 4 + cta 0.15 × 1 + compliance 0.1 × 5 = 3.5
    const mixed = { host_delivery: 5, product_demonstration: 3, visual_audio: 2, structure_script: 4, offers_promotions: 4, cta_interaction: 1, compliance: 5 };
    expect(weightedScore(DEFAULT_RUBRIC_CRITERIA, mixed)).toEqual({ score: 3.5, score100: 62.5 });
  });

  it('stores the same weighted score the formula gives', async () => {
    const mixed = { host_delivery: 5, product_demonstration: 3, visual_audio: 2, structure_script: 4, offers_promotions: 4, cta_interaction: 1, compliance: 5 };
    const { review, created } = await save(ANNA, 's9', { scores: mixed, notes: '  Good pins  ', tags: ['strong_hook', 'answers_comments', 'strong_hook'] });
    expect(created).toBe(true);
    expect(review).toMatchObject({ livestreamId: 's9', reviewer: ANNA.label, rubricVersion: 1, score: 3.5, score100: 62.5, notes: 'Good pins' });
    expect(review.tags).toEqual(['strong_hook', 'answers_comments']);
    const audit = await db.query<{ action: string; entity: string }>(sql`SELECT action, entity FROM audit_log WHERE entity_id = ${String(review.id)}`);
    expect(audit).toEqual([{ action: 'create', entity: 'livestream_review' }]);
  });
});

describe('validation', () => {
  const valid = (): RubricCriterion[] => DEFAULT_RUBRIC_CRITERIA.map((c) => ({ ...c, anchors: { ...c.anchors } }));

  it('refuses rubrics with duplicate keys, bad weights, missing anchors or labels', () => {
    const dup = valid();
    dup[1] = { ...dup[1]!, key: 'host_delivery' };
    expect(() => validateRubricCriteria(dup)).toThrow(/"host_delivery" is used by two criteria/);
    const heavy = valid();
    heavy[0] = { ...heavy[0]!, weight: 0.3 };
    expect(() => validateRubricCriteria(heavy)).toThrow(/weights sum to 1.1, not 1/);
    const zero = valid();
    zero[0] = { ...zero[0]!, weight: 0 };
    expect(() => validateRubricCriteria(zero)).toThrow(/criterion 1 \(host_delivery\) has the weight 0/);
    const noAnchor = valid();
    noAnchor[2]!.anchors['3'] = '  ';
    expect(() => validateRubricCriteria(noAnchor)).toThrow(/criterion 3 \(visual_audio\) has no anchor for level 3/);
    const noLabel = valid();
    noLabel[0] = { ...noLabel[0]!, label: '' };
    expect(() => validateRubricCriteria(noLabel)).toThrow(/needs a label/);
    const badKey = valid();
    badKey[0] = { ...badKey[0]!, key: 'Host Delivery' };
    expect(() => validateRubricCriteria(badKey)).toThrow(/has the key "Host Delivery"/);
    expect(() => validateRubricCriteria([])).toThrow(/at least one criterion/);
    // Thirds sum to 0.9999: fine within rounding.
    const thirds = valid().slice(0, 3).map((c) => ({ ...c, weight: 0.3333 }));
    expect(validateRubricCriteria(thirds).map((c) => c.weight)).toEqual([0.3333, 0.3333, 0.3333]);
  });

  it('refuses reviews with missing, fractional or out-of-range scores, unknown criteria or tags', async () => {
    await expect(save(BEN, 's1', { scores: levels(3, { compliance: 6 }) })).rejects.toThrow(/score for Compliance is 6/);
    await expect(save(BEN, 's1', { scores: levels(3, { compliance: 2.5 }) })).rejects.toThrow(/is 2.5, not a whole number from 1 to 5/);
    const { compliance: _dropped, ...partial } = levels(3);
    await expect(save(BEN, 's1', { scores: partial })).rejects.toThrow(/no score for Compliance/);
    await expect(save(BEN, 's1', { scores: { ...levels(3), charisma: 4 } })).rejects.toThrow(/no criterion charisma/);
    await expect(save(BEN, 's1', { scores: levels(3), tags: ['great_vibes'] })).rejects.toThrow(/unknown review tag: great_vibes/);
    await expect(save(BEN, 'nope', { scores: levels(3) })).rejects.toThrow(/no livestream with id nope/);
    expect((await listReviews(db, { livestreamId: 's1' })).total).toBe(0);
  });
});

describe('rubric versions', () => {
  it('saves an edit as a new version; old reviews keep their version and score; edits keep the version', async () => {
    const before = await save(BEN, 's8', { scores: levels(4, { compliance: 2 }) });
    expect(before.review.rubricVersion).toBe(1);
    const v1Score = before.review.score100;
    // Version 2: compliance dropped, host delivery weighs 0.3.
    const edited = DEFAULT_RUBRIC_CRITERIA.filter((c) => c.key !== 'compliance').map((c) => (c.key === 'host_delivery' ? { ...c, weight: 0.3 } : c));
    const v2 = await saveRubricVersion(db, MIA, edited);
    expect(v2).toMatchObject({ version: 2, isActive: true, createdBy: MIA.label });
    expect((await getActiveRubric(db)).version).toBe(2);
    const versions = await listRubricVersions(db);
    expect(versions.map((v) => [v.version, v.isActive, v.criteria.length])).toEqual([[2, true, 6], [1, false, 7]]);
    expect(versions[1]?.reviews).toBe(2);

    const old = (await getSessionReviews(db, 's8')).reviews.find((r) => r.reviewer === BEN.label);
    expect(old).toMatchObject({ rubricVersion: 1, score100: v1Score });
    // Editing the old review validates against (and keeps) version 1: compliance is still required.
    const { compliance: _c, ...v2Scores } = levels(5);
    await expect(save(BEN, 's8', { scores: v2Scores })).rejects.toThrow(/no score for Compliance/);
    const edit = await save(BEN, 's8', { scores: levels(5), notes: 'Rewatched' });
    expect(edit).toMatchObject({ created: false, review: { id: before.review.id, rubricVersion: 1, score100: 100, notes: 'Rewatched' } });

    // A new review is scored on version 2, which has no compliance criterion.
    const fresh = await save(ANNA, 's8', { scores: v2Scores });
    expect(fresh.review).toMatchObject({ rubricVersion: 2, score100: 100 });
    await expect(save(ANNA, 's7', { scores: levels(3) })).rejects.toThrow(/no criterion compliance/);

    const audit = await db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'rubric'`);
    expect(audit).toEqual([{ action: 'create' }]);
    await expect(saveRubricVersion(db, MIA, [{ key: 'x', label: 'X', weight: 1, anchors: {} }])).rejects.toThrow(/no anchor for level 1/);
    expect((await listRubricVersions(db)).length).toBe(2);
  });
});

describe('agreement and calibration', () => {
  it('flags criteria where two reviewers differ by 2 or more points', async () => {
    const v2 = (await getActiveRubric(db)).criteria.map((c) => c.key);
    const at = (level: number, overrides: Record<string, number> = {}) => Object.fromEntries(v2.map((k) => [k, overrides[k] ?? level]));
    await save(ANNA, 's5', { scores: at(4) });
    await save(BEN, 's5', { scores: at(4, { host_delivery: 2, visual_audio: 3 }) });
    await save(MIA, 's5', { scores: at(4, { host_delivery: 3 }) });
    const { agreement, reviews } = await getSessionReviews(db, 's5');
    expect(reviews.map((r) => r.reviewer)).toEqual([ANNA.label, BEN.label, MIA.label]);
    expect(agreement.reviewers).toBe(3);
    expect(agreement.flagged).toBe(true);
    expect(agreement.maxSpread).toBe(2);
    const host = agreement.criteria.find((c) => c.key === 'host_delivery');
    expect(host).toMatchObject({ min: 2, max: 4, spread: 2, flagged: true });
    expect(agreement.criteria.find((c) => c.key === 'visual_audio')).toMatchObject({ spread: 1, flagged: false });
    expect(agreement.criteria[0]?.key).toBe('host_delivery');

    await save(ANNA, 's6', { scores: at(3) });
    await save(BEN, 's6', { scores: at(3, { offers_promotions: 4 }) });
    const calibration = await reviewCalibration(db);
    // s8 (v1 and v2 reviews, 1 point apart on shared criteria? BEN 5s vs ANNA 5s → 0), s5 (2), s6 (1).
    expect(calibration.sessions.map((s) => [s.livestreamId, s.maxSpread, s.flagged])).toEqual([
      ['s5', 2, true],
      ['s6', 1, false],
      ['s8', 0, false],
    ]);
    expect(calibration.sessions[0]?.flaggedCriteria).toEqual(['Host delivery']);
    expect((await reviewCalibration(db, { flaggedOnly: true })).sessions.map((s) => s.livestreamId)).toEqual(['s5']);
    const anna = calibration.reviewers.find((r) => r.reviewer === ANNA.label);
    const ben = calibration.reviewers.find((r) => r.reviewer === BEN.label);
    expect(anna?.meanOffset).toBeGreaterThan(0);
    expect(ben?.meanOffset).toBeLessThan(0);
    expect(ben?.disagreements).toBe(1);
  });
});

describe('quality score', () => {
  it('combines the rubric part and the peer part 50/50 and shows both', async () => {
    expect(qualityScore(75, 50)).toMatchObject({ score: 62.5, basis: 'rubric_and_peers', rubric: 75, peers: 50 });
    expect(qualityScore(null, 40)).toMatchObject({ score: 40, basis: 'peers', rubric: null });
    expect(qualityScore(80, null)).toMatchObject({ score: 80, basis: 'rubric', peers: null });
    expect(qualityScore(null, null)).toMatchObject({ score: null, basis: null });

    const detail = await getLivestream(db, 's5');
    const peer = detail.peerScore ?? 0;
    expect(detail.reviews).toBe(3);
    // Mean of the three reviewers' weighted scores on version 2.
    const rubric = detail.quality.rubric ?? 0;
    expect(detail.quality).toMatchObject({ basis: 'rubric_and_peers', peers: peer, score: Math.round((rubric + peer) * 5) / 10 });

    const list = await listLivestreams(db, { from: '2026-03-02', to: '2026-03-08', pageSize: 50 });
    const row = list.rows.find((r) => r.id === 's5');
    expect(row).toMatchObject({ reviews: 3, rubric_score: rubric, quality_score: detail.quality.score });
    expect(list.rows.find((r) => r.id === 's0')).toMatchObject({ reviews: 0, rubric_score: null, quality_score: list.rows.find((r) => r.id === 's0')?.peer_score });
  });

  it('filters the list by reviewed and by quality band in SQL', async () => {
    const range = { from: '2026-03-02', to: '2026-03-08', pageSize: 50 };
    const reviewed = await listLivestreams(db, { ...range, filters: { reviewed: true } });
    expect(reviewed.rows.map((r) => r.id).sort()).toEqual(['s5', 's6', 's8', 's9']);
    expect(reviewed.total).toBe(4);
    const open = await listLivestreams(db, { ...range, filters: { reviewed: false } });
    expect(open.total).toBe(7);
    const all = await listLivestreams(db, range);
    for (const band of [['0-40', 0, 40], ['40-60', 40, 60], ['60-80', 60, 80], ['80-100', 80, 101]] as const) {
      const banded = await listLivestreams(db, { ...range, filters: { scoreBand: [band[0]] } });
      const expected = all.rows.filter((r) => r.quality_score !== null && r.quality_score >= band[1] && r.quality_score < band[2]).map((r) => r.id).sort();
      expect(banded.rows.map((r) => r.id).sort()).toEqual(expected);
    }
    const sorted = await listLivestreams(db, { ...range, sort: { column: 'quality_score', direction: 'desc' } });
    const scores = sorted.rows.map((r) => r.quality_score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('review queue', () => {
  it("holds top sellers' unreviewed sessions of last week, highest GMV first, and shrinks when one is reviewed", async () => {
    // "Now" is Wednesday 2026-03-11: last complete week is 2026-03-02..08.
    const now = new Date('2026-03-11T10:00:00Z');
    expect(lastCompleteWeek('UTC', now)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    const queue = await reviewQueue(db, { now });
    // decor is tier B (computed segment), next-week is outside the week, s5/s6/s8/s9 are reviewed.
    expect(queue).toMatchObject({ from: '2026-03-02', to: '2026-03-08', tiers: ['S', 'A'], total: 6, reviewed: 4 });
    expect(queue.rows.map((r) => r.id)).toEqual(['s7', 's4', 's3', 's2', 's1', 's0']);
    expect(queue.rows[0]).toMatchObject({ sellerName: 'Pan Palace', tier: 'A', liveGmv: 800 });
    await save(ANNA, 's7', { scores: Object.fromEntries((await getActiveRubric(db)).criteria.map((c) => [c.key, 3])) });
    const after = await reviewQueue(db, { now });
    expect(after.rows.map((r) => r.id)).toEqual(['s4', 's3', 's2', 's1', 's0']);
    expect(after).toMatchObject({ total: 5, reviewed: 5 });
    expect((await reviewQueue(db, { now, tiers: ['B'] })).rows.map((r) => r.id)).toEqual(['decor']);
    expect((await reviewQueue(db, { from: '2026-03-09', to: '2026-03-15' })).rows.map((r) => r.id)).toEqual(['next-week']);
    await expect(reviewQueue(db, { from: '2026-03-09', to: '2026-03-01' })).rejects.toThrow(/starts \(2026-03-09\) after it ends/);
  });
});

describe('deleting reviews', () => {
  it('lets the reviewer or a manager delete a review, nobody else', async () => {
    const { rows } = await listReviews(db, { livestreamId: 's6' });
    const annas = rows.find((r) => r.reviewer === ANNA.label);
    const bens = rows.find((r) => r.reviewer === BEN.label);
    if (!annas || !bens) throw new Error('s6 should have reviews by Anna and Ben');
    await expect(deleteReview(db, BEN, annas.id)).rejects.toThrow(/only its reviewer or a manager/);
    await deleteReview(db, ANNA, annas.id);
    await deleteReview(db, MIA, bens.id);
    expect((await listReviews(db, { livestreamId: 's6' })).total).toBe(0);
    const audit = await db.query<{ actor: string }>(sql`SELECT actor FROM audit_log WHERE entity = 'livestream_review' AND action = 'delete' ORDER BY id`);
    expect(audit.map((a) => a.actor)).toEqual([ANNA.label, MIA.label]);
  });
});
