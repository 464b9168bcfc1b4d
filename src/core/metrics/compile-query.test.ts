import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { compileMetricQuery } from './compile-query.ts';
import { duckdbDialect } from '../db/dialect/duckdb.ts';
import { queryMetrics } from './query-metrics.ts';
import { METRICS } from './catalog/index.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';


describe('metric compiler', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  it('sums additive metrics over the inclusive date range', async () => {
    const result = await queryMetrics(db, { metrics: ['gmv', 'orders', 'net_gmv'], from: '2026-11-09', to: '2026-11-10' });
    expect(result.rows).toEqual([{ gmv: 450.5, orders: 11, net_gmv: 435.5 }]);
  });

  it('computes ratios from the period sums, never as an average of daily ratios', async () => {
    const result = await queryMetrics(db, { metrics: ['aov', 'engagement_rate', 'live_gmv_share'], from: '2026-11-09', to: '2026-11-10' });
    // aov = 450.50 / 11; the mean of daily AOVs would be different.
    expect(result.rows[0]?.aov).toBe(40.95);
    expect(result.rows[0]?.engagement_rate).toBeCloseTo(105 / 1010, 10);
    expect(result.rows[0]?.live_gmv_share).toBeCloseTo(60 / 450.5, 10);
  });

  it('groups by dimensions and periods at the requested grain (ISO weeks start on Monday)', async () => {
    const result = await queryMetrics(db, { metrics: ['gmv', 'live_sessions'], by: ['category'], grain: 'week', from: '2026-11-01', to: '2026-11-30' });
    expect(result.by).toEqual(['period', 'category']);
    expect(result.rows).toEqual([
      { period: '2026-11-09', category: 'home_living', gmv: 400, live_sessions: 2 },
      { period: '2026-11-09', category: 'personal_care', gmv: 50.5, live_sessions: 0 },
      { period: '2026-11-16', category: 'personal_care', gmv: 1000, live_sessions: 0 },
    ]);
  });

  it('returns the seller name next to the seller id', async () => {
    const result = await queryMetrics(db, { metrics: ['gmv'], by: ['seller'], from: '2026-11-01', to: '2026-11-30' });
    expect(result.rows).toEqual([
      { seller: 's1', seller_name: 'Casa Rapi', gmv: 400 },
      { seller: 's2', seller_name: 'Glow Lab', gmv: 1050.5 },
    ]);
  });

  it('filters by dimension values and keeps hostile values as values', async () => {
    const tierA = await queryMetrics(db, { metrics: ['gmv'], from: '2026-11-01', to: '2026-11-30', where: [{ dimension: 'seller_tier', values: ['A'] }] });
    expect(tierA.rows).toEqual([{ gmv: 400 }]);
    const hostile = await queryMetrics(db, { metrics: ['gmv'], from: '2026-11-01', to: '2026-11-30', where: [{ dimension: 'region', values: ["x' OR 1=1 --"] }] });
    expect(hostile.rows).toEqual([{ gmv: 0 }]);
  });

  it('names the valid choices when a metric or dimension is unknown', () => {
    expect(() => compileMetricQuery(db.dialect, { metrics: ['revenue'], from: '2026-11-01', to: '2026-11-02' })).toThrow(/unknown metric "revenue"/);
    expect(() => compileMetricQuery(db.dialect, { metrics: ['gmv'], by: ['colour'], from: '2026-11-01', to: '2026-11-02' })).toThrow(/unknown dimension/);
    expect(() => compileMetricQuery(db.dialect, { metrics: ['gmv'], by: ['host'], from: '2026-11-01', to: '2026-11-02' })).toThrow(/does not apply/);
    expect(() => compileMetricQuery(db.dialect, { metrics: ['gmv'], from: '2026-11-31', to: '2026-12-02' })).toThrow(/YYYY-MM-DD/);
  });

  it('compiles and runs every metric in the catalog', async () => {
    for (const name of METRICS.keys()) {
      const result = await queryMetrics(db, { metrics: [name], by: ['subcategory'], grain: 'month', from: '2026-11-01', to: '2026-11-30' });
      expect(result.rows.length, name).toBeGreaterThan(0);
    }
  });
});

describe('metric compiler across sources with unset dimensions', () => {
  it('keeps sellers without a subcategory in one group across sources', async () => {
    const db = await openMigratedMemoryDb();
    try {
      await db.exec(TINY_DATASET);
      await db.exec(`INSERT INTO sellers (id, name, name_key) VALUES ('s3', 'No Category Yet', 'no category yet');
        INSERT INTO seller_days (seller_id, date, source, gmv, orders, live_gmv) VALUES ('s3', DATE '2026-11-10', 'import', 20, 2, 0);
        INSERT INTO livestreams (id, seller_id, started_at, start_date, duration_s, gmv) VALUES
          ('l3', 's3', TIMESTAMPTZ '2026-11-10 19:00:00+00', DATE '2026-11-10', 600, 5);`);
      const result = await queryMetrics(db, { metrics: ['gmv', 'live_gmv'], by: ['subcategory'], from: '2026-11-01', to: '2026-11-30' });
      expect(result.rows).toEqual([
        { subcategory: 'kitchen', gmv: 400, live_gmv: 60 },
        { subcategory: 'skin_care', gmv: 1050.5, live_gmv: 0 },
        { subcategory: null, gmv: 20, live_gmv: 5 },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('metric compiler with a labelled dimension before another', () => {
  it('groups by the dimensions, not by the label next to the seller id', async () => {
    const db = await openMigratedMemoryDb();
    try {
      await db.exec(TINY_DATASET);
      const result = await queryMetrics(db, { metrics: ['gmv'], by: ['seller', 'subcategory'], from: '2026-11-01', to: '2026-11-30' });
      expect(result.rows).toEqual([
        { seller: 's1', seller_name: 'Casa Rapi', subcategory: 'kitchen', gmv: 400 },
        { seller: 's2', seller_name: 'Glow Lab', subcategory: 'skin_care', gmv: 1050.5 },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('compiled SQL shape', () => {
  const dialect = duckdbDialect;

  it('reads each fact source once, at the requested grain, and joins them on the dimensions', () => {
    const { query, columns } = compileMetricQuery(dialect, {
      metrics: ['gmv', 'live_gmv_share', 'buyers'],
      by: ['subcategory'],
      grain: 'week',
      from: '2026-11-01',
      to: '2026-11-30',
      where: [{ dimension: 'seller_tier', values: ['A'] }],
    });
    const { text, values } = query.toQuery();
    // One CTE per source: seller_days (gmv), livestreams (live_gmv), order_lines (buyers in lines).
    expect(text.match(/"src_[a-z_]+" AS \(SELECT/g)).toEqual(['"src_seller_days" AS (SELECT', '"src_livestreams" AS (SELECT', '"src_order_lines" AS (SELECT']);
    expect(text.match(/FULL JOIN/g)).toHaveLength(2);
    expect(text).toContain("date_trunc('week'");
    // The ratio divides the joined sums; it is never an aggregate of a ratio.
    expect(text).not.toMatch(/(SUM|AVG)\([^)]*\/[^)]*\)/i);
    // Dates and filter values are bound parameters, not text.
    expect(text).not.toContain('2026-11-01');
    expect(text).not.toContain("'A'");
    expect(values).toEqual(expect.arrayContaining(['2026-11-01', '2026-11-30', 'A']));
    expect(columns).toEqual(['period', 'subcategory', 'gmv', 'live_gmv_share', 'buyers']);
  });

  it('joins the seller registry only when a seller attribute is asked for, and names sellers after aggregating', () => {
    const text = (request: Parameters<typeof compileMetricQuery>[1]) => compileMetricQuery(dialect, request).query.toQuery().text;
    const month = { from: '2026-11-01', to: '2026-11-30' };
    expect(text({ metrics: ['gmv', 'live_sessions'], ...month })).not.toContain('JOIN sellers');
    expect(text({ metrics: ['gmv'], by: ['period'], grain: 'week', ...month })).not.toContain('JOIN sellers');
    expect(text({ metrics: ['gmv'], by: ['subcategory'], ...month })).toContain('JOIN sellers s ON s.id = sd.seller_id');
    expect(text({ metrics: ['gmv'], ...month, where: [{ dimension: 'region', values: ['Jakarta'] }] })).toContain('JOIN sellers s');
    const bySeller = text({ metrics: ['gmv'], by: ['seller'], ...month });
    expect(bySeller).not.toContain('JOIN sellers');
    expect(bySeller).toContain('(SELECT s.name FROM sellers s WHERE s.id = ');
  });

  it('reads a channel split from the source that has channels', () => {
    const { text } = compileMetricQuery(dialect, { metrics: ['gmv', 'orders'], by: ['channel'], from: '2026-11-01', to: '2026-11-30' }).query.toQuery();
    expect(text).toContain('"src_seller_day_channels" AS (SELECT');
    expect(text).toContain('"src_order_lines" AS (SELECT');
    expect(text).not.toContain('"src_seller_days"');
  });
});
