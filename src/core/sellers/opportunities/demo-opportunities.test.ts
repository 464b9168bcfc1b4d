import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { sql } from '../../db/sql.ts';
import { generateDemo, type PlantedStory } from '../../demo/generate-demo.ts';
import { recomputeSellerMap } from '../segments/recompute.ts';
import { listOpportunities } from './opportunity-list.ts';

// The demo plants a top seller that never goes live and a top seller whose GMV collapses in the
// last three weeks; the opportunities must put both at the top, each for the right reason. "The
// top" is the first three: the demo also grows other big sellers that never go live on their own,
// and one of them may be worth a little more (seed 7).
describe.each([42, 7])('planted demo stories (seed %i)', (seed) => {
  let db: Database;
  let stories: PlantedStory[];
  const story = <K extends PlantedStory['kind']>(kind: K) => stories.find((s) => s.kind === kind) as Extract<PlantedStory, { kind: K }>;

  beforeAll(async () => {
    db = await Database.open(':memory:');
    await migrate(db);
    ({ stories } = await generateDemo(db, { sellers: 150, days: 60, seed, end: '2025-11-30' }));
    await recomputeSellerMap(db, { reason: 'test', today: '2025-11-30' });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('ranks the never-live big seller and the collapsing top seller first, with the right rule and reason', async () => {
    const neverLive = story('big_seller_never_live');
    const collapse = story('seller_collapse');
    const top = (await listOpportunities(db, { limit: 3, today: '2025-11-30' })).items;
    const keys = top.map((o) => o.key);
    expect(keys).toContain(`never_live_big_seller:seller:${neverLive.sellerId}`);
    expect(keys).toContain(`gmv_declining:seller:${collapse.sellerId}`);
    const never = top.find((o) => o.sellerId === neverLive.sellerId);
    expect(never?.reason).toMatch(/^Sold \S+ in the last 4 weeks and has never gone live\. Its peers \(tier S, [^)]+\) make \d+% of their GMV live/);
    const falling = top.find((o) => o.sellerId === collapse.sellerId);
    expect(falling?.reason).toMatch(/^GMV has been at least 20% below its usual \S+ a week for each of the last 3 weeks/);
    expect(Number(falling?.evidence.change)).toBeLessThan(-0.6);
  });

  it('segments them as the story says: the never-live one tier S, the collapsing one declining', async () => {
    const rows = await db.query<{ seller_id: string; tier: string; lifecycle: string; live_status: string }>(sql`
      SELECT seller_id, tier, lifecycle, live_status FROM seller_segments
      WHERE seller_id IN (${story('big_seller_never_live').sellerId}, ${story('seller_collapse').sellerId})`);
    const byId = new Map(rows.map((r) => [r.seller_id, r]));
    expect(byId.get(story('big_seller_never_live').sellerId)).toMatchObject({ tier: 'S', live_status: 'never' });
    expect(byId.get(story('seller_collapse').sellerId)).toMatchObject({ lifecycle: 'declining' });
  });
});
