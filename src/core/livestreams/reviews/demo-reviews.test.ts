import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { sql } from '../../db/sql.ts';
import { generateDemo, type PlantedStory } from '../../demo/generate-demo.ts';
import { hostQualityTrend, reviewCalibration, reviewQueue } from './review-analysis.ts';
import { REVIEW_TAG_KEYS } from './review-tags.ts';
import { listReviews } from './reviews.ts';
import { validateScores, getActiveRubric } from './rubrics.ts';

// The demo plants a host whose sessions get better every week; reviewers score what they see, so
// the host's quality score (rubric and peer parts alike) must climb on the generated data.
let db: Database;
let host: Extract<PlantedStory, { kind: 'host_improving' }>;

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  const { stories } = await generateDemo(db, { sellers: 150, days: 60, seed: 42, end: '2025-11-30' });
  const found = stories.find((s): s is typeof host => s.kind === 'host_improving');
  if (!found) throw new Error('the demo did not plant the improving host');
  host = found;
});
afterAll(async () => {
  await db.close();
});

describe('reviews on the demo', () => {
  it("shows the improving host's quality rising, in the rubric part as well as the peer part", async () => {
    const trend = await hostQualityTrend(db, { sellerId: host.sellerId, host: host.host, weeks: host.weeks });
    expect(trend.direction).toBe('rising');
    expect(trend.slope).toBeGreaterThan(3);
    const reviewed = trend.weeks.filter((w) => w.rubric !== null);
    expect(reviewed.length).toBeGreaterThanOrEqual(host.weeks - 2);
    const mean = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / values.length;
    const rubric = reviewed.map((w) => w.rubric);
    expect(mean(rubric.slice(-3)) - mean(rubric.slice(0, 3))).toBeGreaterThan(15);
    const quality = trend.weeks.map((w) => w.quality);
    expect(mean(quality.slice(-3)) - mean(quality.slice(0, 3))).toBeGreaterThan(20);
  });

  it('has only catalog tags and complete scores on the active rubric', async () => {
    const tags = await db.query<{ tag: string }>(sql`SELECT DISTINCT unnest(tags) AS tag FROM livestream_reviews ORDER BY tag`);
    expect(tags.length).toBeGreaterThan(5);
    for (const { tag } of tags) expect(REVIEW_TAG_KEYS).toContain(tag);
    const rubric = await getActiveRubric(db);
    const { rows, total } = await listReviews(db, { limit: 500 });
    expect(total).toBeGreaterThan(50);
    for (const review of rows) expect(validateScores(rubric.criteria, review.scores)).toEqual(review.scores);
  });

  it('has double-reviewed sessions for calibration and a queue of top sellers', async () => {
    const calibration = await reviewCalibration(db);
    expect(calibration.sessions.length).toBeGreaterThan(3);
    expect(calibration.reviewers.length).toBeGreaterThan(1);
    const queue = await reviewQueue(db, { now: new Date('2025-12-01T12:00:00Z') });
    expect(queue).toMatchObject({ from: '2025-11-24', to: '2025-11-30' });
    expect(queue.rows.length).toBeGreaterThan(0);
    const gmv = queue.rows.map((r) => r.liveGmv ?? 0);
    expect(gmv).toEqual([...gmv].sort((a, b) => b - a));
    for (const row of queue.rows) expect(['S', 'A']).toContain(row.tier);
  });
});
