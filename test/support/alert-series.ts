/**
 * Hand-built daily series for alert tests: a few sellers in two subcategories, a weekly rhythm, ±5%
 * deterministic noise, the campaign peaks of the calendar (×4 on 11.11, ×2 on other double days,
 * ×1.25 on warm-up days) and, optionally, a planted drop of one seller. "Steady Co" sells exactly
 * the same every day (its MAD is 0).
 */
import type { Database } from '../../src/core/db/database.ts';
import { sql } from '../../src/core/db/sql.ts';

export const SERIES_SELLERS = [
  { id: 'k1', name: 'Kitchen King', sub: 'kitchen', base: 1000, steady: false },
  { id: 'k2', name: 'Pan Palace', sub: 'kitchen', base: 400, steady: false },
  { id: 'k3', name: 'Knife Nook', sub: 'kitchen', base: 300, steady: false },
  { id: 'd1', name: 'Decor Den', sub: 'home_decor', base: 800, steady: false },
  { id: 'd2', name: 'Vase Valley', sub: 'home_decor', base: 500, steady: false },
  { id: 'd3', name: 'Frame Fair', sub: 'home_decor', base: 200, steady: false },
  { id: 'c1', name: 'Steady Co', sub: 'home_decor', base: 300, steady: true },
] as const;

export interface SeriesOptions {
  from: string;
  to: string;
  /** Multiply one seller's sales by `factor` from `from` on. */
  drop?: { seller: string; from: string; factor: number };
}

export async function insertAlertSeries(db: Database, options: SeriesOptions): Promise<void> {
  await db.exec(`
    INSERT INTO categories (id, parent_id, name) VALUES ('home_living', NULL, 'Home & Living');
    INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home_living', 'Kitchen'), ('home_decor', 'home_living', 'Home Decor');`);
  for (const s of SERIES_SELLERS) {
    await db.run(sql`INSERT INTO sellers (id, name, name_key, tier, category_id, subcategory_id) VALUES (${s.id}, ${s.name}, ${s.name.toLowerCase()}, 'A', 'home_living', ${s.sub})`);
  }
  const sellers = sql.join(SERIES_SELLERS.map((s) => sql`(${s.id}, ${s.base}, ${s.steady})`));
  const drop = options.drop ?? { seller: '', from: '9999-12-31', factor: 1 };
  await db.run(sql`
    INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold)
    WITH days AS (
      SELECT CAST(d AS DATE) AS d FROM range(CAST(${options.from} AS DATE), CAST(${options.to} AS DATE) + 1, INTERVAL 1 DAY) r(d)
    ), shaped AS (
      SELECT s.id, days.d,
        CASE WHEN s.steady THEN s.base ELSE
          s.base * list_element([0.9, 0.95, 0.95, 1.0, 1.05, 1.2, 1.15], isodow(days.d))
            * (1 + 0.1 * ((hash(s.id || CAST(days.d AS VARCHAR)) % 1000) / 1000.0 - 0.5))
            * CASE WHEN month(days.d) = 11 AND day(days.d) = 11 THEN 4
                   WHEN month(days.d) = day(days.d) THEN 2
                   WHEN month(days.d + 1) = day(days.d + 1) AND month(days.d + 1) >= 9 THEN 1.25 ELSE 1 END
        END * CASE WHEN s.id = ${drop.seller} AND days.d >= CAST(${drop.from} AS DATE) THEN ${drop.factor} ELSE 1 END AS gmv
      FROM (VALUES ${sellers}) s(id, base, steady) CROSS JOIN days
    )
    SELECT id, d, 'import', round(gmv, 2), CAST(round(gmv / 20) AS INTEGER), CAST(round(gmv / 20) AS INTEGER) FROM shaped`);
}
