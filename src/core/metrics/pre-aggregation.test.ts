import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { duckdbDialect } from '../db/dialect/index.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { compileMetricQuery } from './compile-query.ts';
import type { MetricRequest } from './metric-request.ts';
import { PRE_AGGREGATED_SOURCES, ROLLUP_SOURCES, rollupMetrics } from './pre-aggregation.ts';
import { queryMetrics } from './query-metrics.ts';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const ADDITIVE = ROLLUP_SOURCES.flatMap((source) => rollupMetrics(source).map((metric) => metric.name));
const RATIOS = ['aov', 'live_gmv_share', 'engagement_rate', 'gpm', 'ctr', 'avg_view_duration_s', 'gmv_per_live_hour', 'follow_rate'];

/** The answer read from the facts, as the compiler gives it without pre-aggregations. */
async function fromFacts(db: Database, request: MetricRequest) {
  return db.query(compileMetricQuery(duckdbDialect, request).query);
}

function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[]): void {
  expect(actual.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
  actual.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const want = expected[i]?.[key];
      if (typeof value === 'number' && typeof want === 'number') expect(value, `row ${i} ${key}`).toBeCloseTo(want, 9);
      else expect(value, `row ${i} ${key}`).toEqual(want);
    }
  });
}

describe('pre-aggregations of additive metrics', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  const requests: [string, MetricRequest][] = [
    ['every additive metric, no split', { metrics: [...ADDITIVE, ...RATIOS], ...NOVEMBER }],
    ['by subcategory', { metrics: [...ADDITIVE, ...RATIOS], by: ['subcategory'], ...NOVEMBER }],
    ['by day', { metrics: ['gmv', 'orders', 'aov', 'live_sessions', 'views', 'engagement_rate'], by: ['period'], grain: 'day', ...NOVEMBER }],
    ['by week and category', { metrics: ['gmv', 'live_gmv', 'live_gmv_share', 'gpm'], by: ['category'], grain: 'week', ...NOVEMBER }],
    ['by tier and region', { metrics: ['gmv', 'net_gmv', 'items_sold', 'live_hours', 'ctr'], by: ['seller_tier', 'region'], ...NOVEMBER }],
    ['filtered', { metrics: ['gmv', 'live_sessions'], by: ['period'], grain: 'month', ...NOVEMBER, where: [{ dimension: 'subcategory', values: ['kitchen'] }] }],
    ['a period without data', { metrics: ['gmv', 'views', 'engagement_rate', 'live_sessions'], from: '2026-01-01', to: '2026-01-31' }],
  ];

  for (const [name, request] of requests) {
    it(`gives the facts' answer: ${name}`, async () => {
      expect(compileMetricQuery(duckdbDialect, request, { rollups: PRE_AGGREGATED_SOURCES }).rollups.length).toBeGreaterThan(0);
      const { rows } = await queryMetrics(db, request);
      expectSameRows(rows, await fromFacts(db, request));
    });
  }

  it('keeps a value nobody reported empty, as the facts do', async () => {
    await db.exec(`INSERT INTO livestreams (id, seller_id, started_at, start_date, duration_s, gmv) VALUES
      ('l9', 's2', TIMESTAMPTZ '2026-12-01 19:00:00+00', DATE '2026-12-01', 600, 0)`);
    const december = { metrics: ['views', 'live_sessions', 'engagement_rate', 'avg_view_duration_s'], from: '2026-12-01', to: '2026-12-01' };
    const { rows } = await queryMetrics(db, december);
    expect(rows).toEqual([{ views: null, live_sessions: 1, engagement_rate: null, avg_view_duration_s: null }]);
  });

  it('reads the facts for maxima, conditional distinct counts, order lines, channels and hosts', () => {
    const notPreAggregated: MetricRequest[] = [
      { metrics: ['peak_viewers'], by: ['subcategory'], ...NOVEMBER },
      { metrics: ['active_sellers'], ...NOVEMBER },
      { metrics: ['buyers_in_lines'], ...NOVEMBER },
      { metrics: ['gmv', 'active_sellers'], by: ['seller'], ...NOVEMBER },
      { metrics: ['gmv'], by: ['channel'], ...NOVEMBER },
      { metrics: ['live_gmv'], by: ['host'], ...NOVEMBER },
    ];
    for (const request of notPreAggregated) {
      expect(compileMetricQuery(duckdbDialect, request, { rollups: PRE_AGGREGATED_SOURCES }).rollups, request.metrics.join()).toEqual([]);
    }
    // A request mixing both reads each source the way it can.
    const mixed = compileMetricQuery(duckdbDialect, { metrics: ['gmv', 'peak_viewers'], ...NOVEMBER }, { rollups: PRE_AGGREGATED_SOURCES });
    expect(mixed.rollups).toEqual(['seller_days']);
  });

  it('is rebuilt when facts, sellers or segments change', async () => {
    const gmv = async (request: Partial<MetricRequest> = {}) => (await queryMetrics(db, { metrics: ['gmv'], ...NOVEMBER, ...request })).rows;
    expect(await gmv()).toEqual([{ gmv: 1450.5 }]);
    await db.run(sql`INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s2', DATE '2026-11-20', 'import', 9.5)`);
    expect(await gmv()).toEqual([{ gmv: 1460 }]);

    await db.run(sql`UPDATE sellers SET subcategory_id = 'kitchen', updated_at = now() WHERE id = 's2'`);
    expect(await gmv({ by: ['subcategory'] })).toEqual([{ subcategory: 'kitchen', gmv: 1460 }]);

    await db.run(sql`INSERT INTO seller_segments (seller_id, tier, computed_at) VALUES ('s1', 'top', now())`);
    expect(await gmv({ by: ['seller_tier'] })).toEqual([
      { seller_tier: 'B', gmv: 1060 },
      { seller_tier: 'top', gmv: 400 },
    ]);
  });

  it('adds nothing to the workspace file: the tables live in an attached in-memory database', async () => {
    await queryMetrics(db, { metrics: ['gmv', 'live_sessions'], ...NOVEMBER });
    const tables = await db.query<{ database_name: string; table_name: string }>(sql`
      SELECT database_name, table_name FROM duckdb_tables() WHERE table_name IN ('seller_days', 'livestreams') ORDER BY 1, 2`);
    expect(tables).toEqual([
      { database_name: 'aisle_rollups', table_name: 'livestreams' },
      { database_name: 'aisle_rollups', table_name: 'seller_days' },
      { database_name: 'memory', table_name: 'livestreams' },
      { database_name: 'memory', table_name: 'seller_days' },
    ]);
  });
});

describe('per-seller pre-aggregations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  const requests: [string, MetricRequest][] = [
    ['every additive metric and ratio by seller', { metrics: [...ADDITIVE, ...RATIOS], by: ['seller'], ...NOVEMBER }],
    ['by seller and day', { metrics: ['gmv', 'live_gmv', 'live_gmv_share', 'views'], by: ['seller', 'period'], grain: 'day', ...NOVEMBER }],
    ['by week and seller', { metrics: ['gmv', 'orders', 'aov', 'live_sessions'], by: ['seller'], grain: 'week', ...NOVEMBER }],
    ['one seller', { metrics: ['gmv', 'live_gmv_share'], by: ['seller'], ...NOVEMBER, where: [{ dimension: 'seller', values: ['s2'] }] }],
    ['filtered by seller, not split', { metrics: ['gmv', 'engagement_rate'], ...NOVEMBER, where: [{ dimension: 'seller', values: ['s1', 'nobody'] }] }],
    ['a seller without sessions in the period', { metrics: ['gmv', 'live_gmv', 'live_gmv_share', 'gpm'], by: ['seller'], from: '2026-11-16', to: '2026-11-16' }],
    ['a period without data', { metrics: ['gmv', 'views', 'live_gmv_share'], by: ['seller'], from: '2026-01-01', to: '2026-01-31' }],
  ];

  for (const [name, request] of requests) {
    it(`gives the facts' answer, sellers named: ${name}`, async () => {
      const compiled = compileMetricQuery(duckdbDialect, request, { rollups: PRE_AGGREGATED_SOURCES });
      expect(compiled.sellerKeys).toBe(true);
      expect(compiled.query.toQuery().text).toMatch(/_by_seller/);
      const { rows } = await queryMetrics(db, request);
      expectSameRows(rows, await fromFacts(db, request));
    });
  }

  const distinct: [string, MetricRequest][] = [
    ['adoption, no split', { metrics: ['seller_adoption_rate', 'live_sellers', 'engaged_sellers'], ...NOVEMBER }],
    ['adoption by subcategory', { metrics: ['seller_adoption_rate', 'live_sellers', 'engaged_sellers'], by: ['subcategory'], ...NOVEMBER }],
    ['adoption by week', { metrics: ['seller_adoption_rate', 'engaged_sellers'], by: ['period'], grain: 'week', ...NOVEMBER }],
    ['live sellers by category and region', { metrics: ['live_sellers', 'live_gmv', 'engagement_rate'], by: ['category', 'region'], ...NOVEMBER }],
    ['the Overview tiles', { metrics: ['gmv', 'orders', 'aov', 'live_gmv_share', 'seller_adoption_rate', 'live_sessions', 'engagement_rate', 'gpm'], ...NOVEMBER }],
    ['filtered by category', { metrics: ['seller_adoption_rate', 'live_sessions'], ...NOVEMBER, where: [{ dimension: 'category', values: ['home_living'] }] }],
    ['by seller', { metrics: ['seller_adoption_rate', 'live_sellers', 'gmv'], by: ['seller'], ...NOVEMBER }],
    ['one day with sales but no session', { metrics: ['seller_adoption_rate', 'engaged_sellers'], by: ['subcategory'], from: '2026-11-16', to: '2026-11-16' }],
  ];

  for (const [name, request] of distinct) {
    it(`counts distinct sellers from the seller keys, as the facts do: ${name}`, async () => {
      const compiled = compileMetricQuery(duckdbDialect, request, { rollups: PRE_AGGREGATED_SOURCES });
      expect(compiled.query.toQuery().text).toMatch(/COUNT\(DISTINCT r\."seller_key"\)/);
      const { rows } = await queryMetrics(db, request);
      expectSameRows(rows, await fromFacts(db, request));
    });
  }

  it('reads the facts for distinct sellers by tier (segments change after every import; the per-seller level does not follow them)', () => {
    const compiled = compileMetricQuery(duckdbDialect, { metrics: ['live_sellers'], by: ['seller_tier'], ...NOVEMBER }, { rollups: PRE_AGGREGATED_SOURCES });
    expect(compiled.rollups).toEqual([]);
  });

  it('counts a seller active on a day with sales or a session once, whichever it had', async () => {
    // s1: sales and sessions on 11-09 and 11-10; s2: sales only. A day with GMV 0 and no session is no activity.
    await db.exec(`INSERT INTO sellers (id, name, name_key, subcategory_id) VALUES ('s3', 'Quiet Shop', 'quiet shop', 'kitchen');
      INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s3', DATE '2026-11-11', 'import', 0)`);
    const { rows } = await queryMetrics(db, { metrics: ['engaged_sellers', 'live_sellers', 'seller_adoption_rate'], by: ['subcategory'], ...NOVEMBER });
    expect(rows).toEqual([
      { subcategory: 'kitchen', engaged_sellers: 1, live_sellers: 1, seller_adoption_rate: 1 },
      { subcategory: 'skin_care', engaged_sellers: 1, live_sellers: 0, seller_adoption_rate: 0 },
    ]);
    await db.exec(`DELETE FROM seller_days WHERE seller_id = 's3'; DELETE FROM sellers WHERE id = 's3'`);
  });

  it('answers the hand-worked values: ids, names, sums and a ratio of sums', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['gmv', 'live_gmv', 'live_gmv_share'], by: ['seller'], ...NOVEMBER });
    expect(rows).toEqual([
      { seller: 's1', seller_name: 'Casa Rapi', gmv: 400, live_gmv: 60, live_gmv_share: 60 / 400 },
      { seller: 's2', seller_name: 'Glow Lab', gmv: 1050.5, live_gmv: 0, live_gmv_share: 0 },
    ]);
  });

  it('reads the facts per seller when a metric is not held per seller (a conditional distinct count), for every source alike', () => {
    const compiled = compileMetricQuery(duckdbDialect, { metrics: ['gmv', 'active_sellers', 'live_gmv'], by: ['seller'], ...NOVEMBER }, { rollups: PRE_AGGREGATED_SOURCES });
    expect(compiled.sellerKeys).toBe(false);
    expect(compiled.rollups).toEqual([]);
    expect(compiled.query.toQuery().text).not.toMatch(/_by_seller/);
  });

  it('keeps hostile seller filter values as values', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['gmv'], by: ['seller'], ...NOVEMBER, where: [{ dimension: 'seller', values: ["s1' OR 1=1 --"] }] });
    expect(rows).toEqual([]);
  });

  it('names sellers right after sellers are added (keys renumbered), renamed or given new facts', async () => {
    const bySeller = async () => (await queryMetrics(db, { metrics: ['gmv', 'live_sessions'], by: ['seller'], ...NOVEMBER })).rows;
    expect(await bySeller()).toEqual([
      { seller: 's1', seller_name: 'Casa Rapi', gmv: 400, live_sessions: 2 },
      { seller: 's2', seller_name: 'Glow Lab', gmv: 1050.5, live_sessions: 0 },
    ]);
    // "s0" sorts first: every existing seller's key moves up by one.
    await db.exec(`INSERT INTO sellers (id, name, name_key) VALUES ('s0', 'Aroma Kita', 'aroma kita');
      INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s0', DATE '2026-11-12', 'import', 7.25);
      INSERT INTO livestreams (id, seller_id, started_at, start_date, duration_s, gmv) VALUES
        ('l0', 's0', TIMESTAMPTZ '2026-11-12 10:00:00+00', DATE '2026-11-12', 600, 2.5)`);
    await db.run(sql`UPDATE sellers SET name = 'Glow Lab Official', updated_at = now() WHERE id = 's2'`);
    const expected = [
      { seller: 's0', seller_name: 'Aroma Kita', gmv: 7.25, live_sessions: 1 },
      { seller: 's1', seller_name: 'Casa Rapi', gmv: 400, live_sessions: 2 },
      { seller: 's2', seller_name: 'Glow Lab Official', gmv: 1050.5, live_sessions: 0 },
    ];
    expect(await bySeller()).toEqual(expected);
    expectSameRows(expected, await fromFacts(db, { metrics: ['gmv', 'live_sessions'], by: ['seller'], ...NOVEMBER }));
  });
});
