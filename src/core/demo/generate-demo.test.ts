import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, queryOne } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql, type Sql } from '../db/sql.ts';
import { refreshSellerDays } from '../ingest/refresh-seller-days.ts';
import { generateDemo, type DemoProgress, type DemoSummary } from './generate-demo.ts';

// One small dataset in a non-UTC workspace, checked for internal consistency: every invariant is a
// query that counts the rows breaking it.
const TZ = 'Asia/Kuala_Lumpur';
let db: Database;
let summary: DemoSummary;
const progress: DemoProgress[] = [];

async function violations(query: Sql): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*) AS n FROM (${query})`)).n;
}

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  await db.run(sql`INSERT INTO settings (key, value) VALUES ('timezone', ${TZ})`);
  summary = await generateDemo(db, { sellers: 150, days: 60, seed: 42, end: '2025-11-30' }, (p) =>
    progress.push(p),
  );
});

afterAll(async () => {
  await db.close();
});

describe('generateDemo summary and records', () => {
  it('reports what it wrote and the date range', async () => {
    const counts = await queryOne<{ sellers: number; lines: number; sessions: number; minutes: number }>(
      db,
      sql`
      SELECT (SELECT count(*) FROM sellers) AS sellers, (SELECT count(*) FROM order_lines) AS lines,
        (SELECT count(*) FROM livestreams) AS sessions, (SELECT count(*) FROM livestream_minutes) AS minutes`,
    );
    expect(summary).toMatchObject({
      sellers: 150,
      orderLines: counts.lines,
      livestreams: counts.sessions,
      livestreamMinutes: counts.minutes,
      from: '2025-10-02',
      to: '2025-11-30',
    });
    expect(counts.lines).toBeGreaterThan(10_000);
    expect(counts.sessions).toBeGreaterThan(300);
    expect(counts.minutes).toBeGreaterThan(1_000);
    expect(summary.stories.map((s) => s.kind).sort()).toEqual([
      'big_seller_never_live',
      'host_improving',
      'seller_collapse',
      'subcategory_dip',
    ]);
  });

  it('stores the stories and the options in settings', async () => {
    const rows = await db.query<{ key: string; value: string }>(
      sql`SELECT key, value FROM settings WHERE key LIKE 'demo.%' ORDER BY key`,
    );
    expect(rows.map((r) => r.key)).toEqual(['demo.generated', 'demo.stories']);
    expect(JSON.parse(rows[0]?.value ?? '{}')).toMatchObject({
      sellers: 150,
      days: 60,
      seed: 42,
      end: '2025-11-30',
    });
    expect(JSON.parse(rows[1]?.value ?? '[]')).toEqual(JSON.parse(JSON.stringify(summary.stories)));
  });

  it('reports progress for every step, ending each at its total', () => {
    const steps = [...new Set(progress.map((p) => p.step))];
    expect(steps).toEqual(['clearing', 'sellers', 'orders and livestreams', 'follow-up records']);
    for (const step of steps) {
      const last = progress.filter((p) => p.step === step).at(-1);
      expect(last?.done).toBe(last?.total);
    }
  });

  it('leaves no temp tables behind', async () => {
    expect(await violations(sql`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toBe(0);
  });
});

describe('livestream sessions', () => {
  it('have a consistent funnel, times and local start dates', async () => {
    expect(
      await violations(sql`
      SELECT id FROM livestreams
      WHERE NOT (impressions >= views AND views >= viewers AND viewers >= buyers AND buyers <= orders
        AND product_clicks <= product_impressions AND orders <= product_clicks AND peak_viewers >= avg_viewers
        AND items_sold >= orders AND duration_s BETWEEN 1800 AND 21600
        AND ended_at = started_at + to_seconds(duration_s)
        AND start_date = CAST(timezone(${TZ}, started_at) AS DATE)
        AND host IS NOT NULL AND title IS NOT NULL AND title NOT LIKE '%{%')`),
    ).toBe(0);
  });

  it('start mostly in the evening', async () => {
    const evening = await queryOne<{ share: number }>(
      db,
      sql`
      SELECT avg(CASE WHEN hour(timezone(${TZ}, started_at)) BETWEEN 17 AND 23 THEN 1 ELSE 0 END) AS share FROM livestreams`,
    );
    expect(evening.share).toBeGreaterThan(0.5);
  });

  it('have GMV, orders, buyers and items equal to their live order lines', async () => {
    expect(
      await violations(sql`
      SELECT l.id FROM livestreams l
      FULL JOIN (
        SELECT livestream_id, sum(amount) AS gmv, count(DISTINCT order_id) AS orders, count(DISTINCT buyer_id) AS buyers,
          sum(quantity) AS items
        FROM order_lines WHERE channel = 'live' GROUP BY livestream_id
      ) o ON o.livestream_id = l.id
      WHERE l.id IS NULL OR l.gmv <> coalesce(o.gmv, 0) OR l.orders <> coalesce(o.orders, 0)
        OR l.buyers <> coalesce(o.buyers, 0) OR l.items_sold <> coalesce(o.items, 0)`),
    ).toBe(0);
    expect(
      await violations(
        sql`SELECT 1 FROM order_lines WHERE (channel = 'live') <> (livestream_id IS NOT NULL)`,
      ),
    ).toBe(0);
    expect(
      await violations(sql`
      SELECT 1 FROM order_lines o JOIN livestreams l ON l.id = o.livestream_id
      WHERE o.ordered_at < l.started_at OR o.ordered_at >= l.ended_at OR o.seller_id <> l.seller_id`),
    ).toBe(0);
  });

  it('have minute curves for the last 14 days only, summing to the session', async () => {
    const recent = sql`(SELECT id FROM livestreams WHERE start_date > DATE '2025-11-30' - 14)`;
    expect(
      await violations(
        sql`SELECT id FROM ${recent} WHERE id NOT IN (SELECT livestream_id FROM livestream_minutes)`,
      ),
    ).toBe(0);
    expect(await violations(sql`SELECT 1 FROM livestream_minutes WHERE livestream_id NOT IN ${recent}`)).toBe(
      0,
    );
    expect(
      await violations(sql`
      SELECT l.id FROM livestreams l JOIN (
        SELECT livestream_id, count(*) AS n, max(minute) AS last_minute, sum(orders) AS orders, sum(gmv) AS gmv,
          sum(enters) AS enters, sum(likes) AS likes, sum(comments) AS comments, sum(shares) AS shares,
          sum(product_clicks) AS clicks, max(viewers_online) AS peak, avg(viewers_online) AS average
        FROM livestream_minutes GROUP BY livestream_id
      ) m ON m.livestream_id = l.id
      WHERE m.n <> ceil(l.duration_s / 60) OR m.last_minute <> m.n - 1 OR m.orders <> l.orders OR m.gmv <> l.gmv
        OR m.enters <> l.views OR m.likes <> l.likes OR m.comments <> l.comments OR m.shares <> l.shares
        OR m.clicks <> l.product_clicks OR m.peak <> l.peak_viewers OR abs(m.average - l.avg_viewers) > 1e-9`),
    ).toBe(0);
  });
});

describe('order lines and seller days', () => {
  it('are complete, priced and dated in the workspace time zone', async () => {
    expect(
      await violations(sql`
      SELECT 1 FROM order_lines o LEFT JOIN products p ON p.id = o.product_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE p.id IS NULL OR s.id IS NULL OR p.seller_id <> o.seller_id OR o.amount <> o.unit_price * o.quantity
        OR o.order_date <> CAST(timezone(${TZ}, o.ordered_at) AS DATE)
        OR o.order_date NOT BETWEEN DATE '2025-10-02' AND DATE '2025-11-30'
        OR (o.status = 'refunded') <> (o.refund_amount > 0) OR o.buyer_id IS NULL`),
    ).toBe(0);
    const mix = await db.query<{ channel: string }>(
      sql`SELECT DISTINCT channel FROM order_lines ORDER BY channel`,
    );
    expect(mix.map((r) => r.channel)).toEqual(['live', 'other', 'product_card', 'video']);
    const statuses = await db.query<{ status: string }>(
      sql`SELECT DISTINCT status FROM order_lines ORDER BY status`,
    );
    expect(statuses.map((r) => r.status)).toEqual(
      expect.arrayContaining(['cancelled', 'completed', 'paid', 'refunded', 'shipped']),
    );
    expect(
      await violations(sql`SELECT order_id FROM order_lines GROUP BY order_id HAVING count(*) > 1`),
    ).toBeGreaterThan(100);
  });

  it('derive seller days exactly from order lines (independent recomputation)', async () => {
    expect(
      await violations(sql`
      SELECT 1 FROM seller_days d
      FULL JOIN (
        SELECT seller_id, order_date, sum(amount) AS gmv, sum(amount) FILTER (WHERE status = 'cancelled') AS cancelled,
          sum(refund_amount) AS refunds, count(DISTINCT order_id) AS orders, sum(quantity) AS items,
          count(DISTINCT buyer_id) AS buyers, sum(amount) FILTER (WHERE channel = 'live') AS live,
          sum(amount) FILTER (WHERE channel = 'video') AS video, sum(amount) FILTER (WHERE channel = 'product_card') AS card
        FROM order_lines GROUP BY ALL
      ) o ON o.seller_id = d.seller_id AND o.order_date = d.date
      WHERE d.seller_id IS NULL OR o.seller_id IS NULL OR d.source <> 'order_lines' OR d.gmv <> o.gmv
        OR d.cancelled_gmv <> coalesce(o.cancelled, 0) OR d.refunds <> o.refunds OR d.orders <> o.orders
        OR d.items_sold <> o.items OR d.buyers <> o.buyers OR d.live_gmv <> coalesce(o.live, 0)
        OR d.video_gmv <> coalesce(o.video, 0) OR d.product_card_gmv <> coalesce(o.card, 0)`),
    ).toBe(0);
  });

  it('are what the shared refresh derives: rerunning it over the range changes nothing', async () => {
    const snapshot = () =>
      db.query<{ n: number; h: string }>(sql`
        SELECT count(*) AS n, CAST(sum(hash(t)) AS VARCHAR) AS h FROM (SELECT * EXCLUDE (updated_at) FROM seller_days) t`);
    const before = await snapshot();
    // In a transaction rolled back afterwards, so the shared dataset stays as generated.
    await db
      .transaction(async (tx) => {
        const result = await refreshSellerDays(tx, { from: summary.from, to: summary.to });
        expect(result.deleted).toBe(0);
        expect(
          await tx.query(sql`
        SELECT count(*) AS n, CAST(sum(hash(t)) AS VARCHAR) AS h FROM (SELECT * EXCLUDE (updated_at) FROM seller_days) t`),
        ).toEqual(before);
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'roll back')) throw error;
      });
    expect(await snapshot()).toEqual(before);
  });

  it('carry consistent shop traffic', async () => {
    expect(
      await violations(sql`
      SELECT 1 FROM seller_days
      WHERE NOT (visitors >= buyers AND page_views >= visitors AND product_clicks <= product_impressions AND product_clicks > 0)`),
    ).toBe(0);
  });

  it('set first and last seen on every active seller', async () => {
    expect(
      await violations(sql`
      SELECT 1 FROM sellers s LEFT JOIN (SELECT seller_id, min(date) AS lo, max(date) AS hi FROM seller_days GROUP BY 1) d
        ON d.seller_id = s.id
      WHERE d.lo IS NOT NULL AND (s.first_seen > d.lo OR s.last_seen < d.hi)`),
    ).toBe(0);
  });
});

describe('sellers and workspace records', () => {
  it('look like a real registry: tiers, types, gaps, postal codes kept as text', async () => {
    const profile = await queryOne<Record<string, number>>(
      db,
      sql`
      SELECT count(DISTINCT tier) AS tiers, count(DISTINCT seller_type) AS types, count(*) - count(region) AS no_region,
        count(*) - count(contact_name) AS no_contact, count(*) - count(subcategory_id) AS no_subcategory,
        count(*) FILTER (WHERE postal_code LIKE '0%') AS leading_zero, count(DISTINCT name) AS names,
        count(*) FILTER (WHERE NOT regexp_full_match(postal_code, '[0-9]{5}')) AS bad_postal
      FROM sellers`,
    );
    expect(profile).toMatchObject({ tiers: 4, types: 4, names: 150, bad_postal: 0 });
    for (const gap of ['no_region', 'no_contact', 'no_subcategory', 'leading_zero'])
      expect(profile[gap]).toBeGreaterThan(0);
    const categories = await db.query<{ id: string }>(
      sql`SELECT id FROM categories WHERE parent_id = 'home_living' ORDER BY id`,
    );
    expect(categories.map((c) => c.id)).toEqual([
      'furniture',
      'home_decor',
      'kitchen',
      'storage',
      'textiles',
    ]);
  });

  it('has tasks in every state, some overdue, completed exactly when done', async () => {
    const tasks = await queryOne<Record<string, number>>(
      db,
      sql`
      SELECT count(DISTINCT status) AS statuses, count(*) FILTER (WHERE status <> 'done' AND due_at < DATE '2025-11-30') AS overdue,
        count(*) FILTER (WHERE (status = 'done') <> (completed_at IS NOT NULL)) AS inconsistent,
        count(*) FILTER (WHERE seller_id IS NULL) AS team_tasks
      FROM tasks`,
    );
    expect(tasks).toMatchObject({ statuses: 4, inconsistent: 0 });
    expect(tasks.overdue).toBeGreaterThan(0);
    expect(tasks.team_tasks).toBeGreaterThan(0);
    expect(await violations(sql`SELECT 1 FROM communications`)).toBeGreaterThan(20);
    expect(await violations(sql`SELECT 1 FROM notes WHERE body_md LIKE '%#%'`)).toBeGreaterThan(3);
  });

  it('reviews sessions on the active rubric with a 1–5 score per criterion, some twice', async () => {
    const reviews = await db.query<{
      scores: Record<string, number>;
      rubric_ok: boolean;
      session_ok: boolean;
    }>(sql`
      SELECT r.scores, r.rubric_id = (SELECT id FROM rubrics WHERE is_active) AS rubric_ok,
        r.livestream_id IN (SELECT id FROM livestreams) AS session_ok
      FROM livestream_reviews r`);
    expect(reviews.length).toBeGreaterThan(20);
    for (const review of reviews) {
      expect(review.rubric_ok && review.session_ok).toBe(true);
      expect(Object.keys(review.scores)).toHaveLength(7);
      for (const value of Object.values(review.scores)) expect([1, 2, 3, 4, 5]).toContain(value);
    }
    expect(
      await violations(sql`SELECT livestream_id FROM livestream_reviews GROUP BY 1 HAVING count(*) = 2`),
    ).toBeGreaterThan(0);
  });
});
