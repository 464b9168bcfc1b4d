import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, queryOne } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { generateDemo, type PlantedStory } from './generate-demo.ts';

// The stories and rhythms must be in the facts themselves, found the way a feature would find them.
let db: Database;
let stories: PlantedStory[];
const END = '2025-11-30';

function story<K extends PlantedStory['kind']>(kind: K): Extract<PlantedStory, { kind: K }> {
  const found = stories.find((s): s is Extract<PlantedStory, { kind: K }> => s.kind === kind);
  if (!found) throw new Error(`story ${kind} was not planted`);
  return found;
}

/** Average daily GMV of one seller (or of all sellers matching `where`) between two dates. */
async function dailyGmv(from: string, to: string, where: ReturnType<typeof sql>): Promise<number> {
  const row = await queryOne<{ gmv: number | null }>(
    db,
    sql`
    SELECT sum(sd.gmv) / (CAST(${to} AS DATE) - CAST(${from} AS DATE) + 1) AS gmv
    FROM seller_days sd JOIN sellers s ON s.id = sd.seller_id
    WHERE sd.date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE) AND ${where}`,
  );
  return row.gmv ?? 0;
}

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  ({ stories } = await generateDemo(db, { sellers: 150, days: 60, seed: 42, end: END }));
});

afterAll(async () => {
  await db.close();
});

describe('planted stories, as the data shows them', () => {
  it('a top-tier seller whose GMV collapses by about 70% over the last three weeks', async () => {
    const collapse = story('seller_collapse');
    expect(collapse).toMatchObject({ tier: 'S', from: '2025-11-10', to: END });
    const seller = sql`s.id = ${collapse.sellerId}`;
    const before = await dailyGmv(addDays(collapse.from, -28), addDays(collapse.from, -1), seller);
    const after = await dailyGmv(addDays(collapse.from, 2), END, seller);
    expect(after / before).toBeLessThan(0.45);
    const rank = await queryOne<{ rank: number }>(
      db,
      sql`
      SELECT rank FROM (SELECT seller_id, rank() OVER (ORDER BY sum(gmv) DESC) AS rank FROM seller_days
        WHERE date < CAST(${collapse.from} AS DATE) GROUP BY seller_id) WHERE seller_id = ${collapse.sellerId}`,
    );
    expect(rank.rank).toBeLessThanOrEqual(5);
  });

  it('home_decor dips about 30% in the last two weeks while the other subcategories hold', async () => {
    const dip = story('subcategory_dip');
    expect(dip).toMatchObject({ subcategoryId: 'home_decor', from: '2025-11-17', to: END });
    const baseline = [addDays(dip.from, -28), addDays(dip.from, -1)] as const;
    const decor = sql`s.subcategory_id = 'home_decor'`;
    // The collapsing seller is a story of its own; in a dataset this small it would drag "others" down.
    const others = sql`s.subcategory_id <> 'home_decor' AND s.id <> ${story('seller_collapse').sellerId}`;
    const decorChange = (await dailyGmv(dip.from, END, decor)) / (await dailyGmv(...baseline, decor));
    const othersChange = (await dailyGmv(dip.from, END, others)) / (await dailyGmv(...baseline, others));
    expect(othersChange).toBeGreaterThan(0.9);
    expect(decorChange / othersChange).toBeLessThan(0.8);
  });

  it('a top-5% seller by GMV that never goes live', async () => {
    const neverLive = story('big_seller_never_live');
    const row = await queryOne<{ rank: number; sellers: number; sessions: number; live_lines: number }>(
      db,
      sql`
      SELECT (SELECT rank FROM (SELECT seller_id, rank() OVER (ORDER BY sum(gmv) DESC) AS rank FROM seller_days GROUP BY 1)
          WHERE seller_id = ${neverLive.sellerId}) AS rank,
        (SELECT count(*) FROM sellers) AS sellers,
        (SELECT count(*) FROM livestreams WHERE seller_id = ${neverLive.sellerId}) AS sessions,
        (SELECT count(*) FROM order_lines WHERE seller_id = ${neverLive.sellerId} AND channel = 'live') AS live_lines`,
    );
    expect(row.rank).toBeLessThanOrEqual(Math.ceil(row.sellers * 0.05));
    expect(row.sessions + row.live_lines).toBe(0);
  });

  it('a host whose CTR, engagement and GPM rise week after week', async () => {
    const host = story('host_improving');
    expect(host.weeks).toBe(8);
    const weeks = await db.query<{ week: number; ctr: number; engagement: number; gpm: number }>(sql`
      SELECT (start_date - CAST(${host.from} AS DATE)) // 7 AS week, sum(product_clicks) / sum(views) AS ctr,
        sum(likes + comments + shares) / sum(views) AS engagement, sum(gmv) / sum(views) * 1000 AS gpm
      FROM livestreams WHERE host = ${host.host} AND start_date >= CAST(${host.from} AS DATE)
      GROUP BY 1 ORDER BY 1`);
    expect(weeks.map((w) => w.week)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const sellers = await db.query(sql`SELECT DISTINCT seller_id FROM livestreams WHERE host = ${host.host}`);
    expect(sellers).toEqual([{ seller_id: host.sellerId }]);
    for (const metric of ['ctr', 'engagement', 'gpm'] as const) {
      const series = weeks.map((w) => w[metric]);
      const first = (series[0]! + series[1]!) / 2;
      const last = (series[6]! + series[7]!) / 2;
      expect(last / first, metric).toBeGreaterThan(1.8);
      // GPM also carries the noise of basket sizes; the rates the host controls rise almost every week.
      if (metric === 'gpm') continue;
      const declines = series.slice(1).filter((value, i) => value < series[i]!).length;
      expect(declines, metric).toBeLessThanOrEqual(1);
    }
  });
});

describe('rhythms of the category', () => {
  async function dailyTotals(): Promise<{ date: string; gmv: number; dow: number; dom: number }[]> {
    return db.query(
      sql`SELECT date, sum(gmv) AS gmv, isodow(date) AS dow, day(date) AS dom FROM seller_days GROUP BY date ORDER BY date`,
    );
  }

  it('peaks on 11.11 at more than twice the median day', async () => {
    const days = await dailyTotals();
    const sorted = days.map((d) => d.gmv).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(days.find((d) => d.date === '2025-11-11')?.gmv).toBeGreaterThan(2 * median);
    expect(days.find((d) => d.date === '2025-10-10')?.gmv).toBeGreaterThan(1.5 * median);
  });

  it('sells more at weekends and around payday', async () => {
    const days = (await dailyTotals()).filter(
      (d) => !['2025-10-10', '2025-11-11', '2025-11-28', '2025-12-01'].includes(d.date),
    );
    const mean = (rows: typeof days): number => rows.reduce((sum, d) => sum + d.gmv, 0) / rows.length;
    expect(mean(days.filter((d) => d.dow >= 6))).toBeGreaterThan(1.05 * mean(days.filter((d) => d.dow <= 4)));
    expect(mean(days.filter((d) => d.dom >= 25 || d.dom === 1))).toBeGreaterThan(
      mean(days.filter((d) => d.dom >= 5 && d.dom <= 20)),
    );
  });

  it('is long-tailed: the top 10% of sellers make most of the GMV', async () => {
    const row = await queryOne<{ share: number }>(
      db,
      sql`
      SELECT sum(gmv) FILTER (WHERE rank <= 15) / sum(gmv) AS share
      FROM (SELECT sum(gmv) AS gmv, rank() OVER (ORDER BY sum(gmv) DESC) AS rank FROM seller_days GROUP BY seller_id)`,
    );
    expect(row.share).toBeGreaterThan(0.5);
  });

  it('has more sellers going live at the end than at the start', async () => {
    const row = await queryOne<{ early: number; late: number }>(
      db,
      sql`
      SELECT count(DISTINCT seller_id) FILTER (WHERE start_date < DATE '2025-10-02' + 21) AS early,
        count(DISTINCT seller_id) FILTER (WHERE start_date > DATE '2025-11-30' - 21) AS late
      FROM livestreams`,
    );
    expect(row.late).toBeGreaterThan(row.early);
  });
});
