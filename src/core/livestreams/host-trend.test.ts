import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { generateDemo, type PlantedStory } from '../demo/generate-demo.ts';
import { hostTrend } from './host-trend.ts';

// The demo plants a host whose CTR, engagement and GPM rise every week for 8 weeks: against peers
// who stay the same, the host's weekly peer score must climb.
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

describe("the improving host's quality trend", () => {
  it('rises week after week over the story', async () => {
    const trend = await hostTrend(db, { sellerId: host.sellerId, host: host.host, weeks: host.weeks });
    const scores = trend.weeks.map((w) => w.score);
    expect(trend.weeks.length).toBeGreaterThanOrEqual(host.weeks - 1);
    expect(scores.every((s) => s !== null)).toBe(true);
    const [first, last] = [scores[0] ?? 0, scores.at(-1) ?? 0];
    expect(last - first).toBeGreaterThan(30);
    expect(trend.direction).toBe('rising');
    expect(trend.slope).toBeGreaterThan(3);
    // A week's median of a handful of sessions is noisy; the trend is not: every later week beats the
    // first, and the last three weeks sit far above the first three.
    for (const score of scores.slice(1)) expect(score ?? 0).toBeGreaterThan(first);
    const mean = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / values.length;
    expect(mean(scores.slice(-3)) - mean(scores.slice(0, 3))).toBeGreaterThan(25);
  });

  it('is empty for a host who never streamed', async () => {
    expect(await hostTrend(db, { sellerId: host.sellerId, host: 'Nobody Here' })).toEqual({
      sellerId: host.sellerId,
      host: 'Nobody Here',
      weeks: [],
      slope: null,
      direction: null,
    });
  });
});
