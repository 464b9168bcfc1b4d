/**
 * Hand-built livestream sessions for benchmark tests: a few sellers in two subcategories and
 * sessions whose every figure is given (defaults are a plain 90-minute session), so a test can say
 * exactly which percentile each session must get.
 */
import type { Executor } from '../../src/core/db/database.ts';
import { sql } from '../../src/core/db/sql.ts';

export interface SessionSpec {
  id: string;
  seller?: string;
  /** Local day, YYYY-MM-DD (workspace time zone UTC in tests). */
  day: string;
  hour?: number;
  durationMin?: number;
  host?: string | null;
  title?: string;
  impressions?: number | null;
  views?: number | null;
  viewers?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  followers?: number;
  clicks?: number;
  orders?: number;
  buyers?: number;
  gmv?: number;
  viewSeconds?: number;
  /** Products shown in the session. */
  products?: number | null;
}

export const SESSION_SELLERS = [
  { id: 'k1', name: 'Kitchen King', sub: 'kitchen' },
  { id: 'k2', name: 'Pan Palace', sub: 'kitchen' },
  { id: 'd1', name: 'Decor Den', sub: 'home_decor' },
] as const;

export async function insertSessionSellers(executor: Executor): Promise<void> {
  await executor.exec(`
    INSERT INTO categories (id, parent_id, name) VALUES ('home_living', NULL, 'Home & Living');
    INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home_living', 'Kitchen'), ('home_decor', 'home_living', 'Home Decor');`);
  for (const s of SESSION_SELLERS) {
    await executor.run(sql`INSERT INTO sellers (id, name, name_key, tier, category_id, subcategory_id)
      VALUES (${s.id}, ${s.name}, ${s.name.toLowerCase()}, 'A', 'home_living', ${s.sub})`);
  }
}

export async function insertSessions(executor: Executor, specs: SessionSpec[]): Promise<void> {
  for (const s of specs) {
    const views = s.views === undefined ? 1000 : s.views;
    const clicks = s.clicks ?? 50;
    const duration = (s.durationMin ?? 90) * 60;
    const started = `${s.day} ${String(s.hour ?? 19).padStart(2, '0')}:00:00+00`;
    await executor.run(sql`
      INSERT INTO livestreams (id, seller_id, host, title, started_at, start_date, ended_at, duration_s, impressions, views, viewers,
        avg_view_duration_s, likes, comments, shares, new_followers, product_impressions, product_clicks, orders, buyers, gmv, products_count)
      VALUES (${s.id}, ${s.seller ?? 'k1'}, ${s.host === undefined ? 'Ana' : s.host}, ${s.title ?? `Session ${s.id}`},
        CAST(${started} AS TIMESTAMPTZ), CAST(${s.day} AS DATE), CAST(${started} AS TIMESTAMPTZ) + to_seconds(${duration}), ${duration},
        ${s.impressions === undefined ? 10_000 : s.impressions}, ${views}, ${s.viewers ?? (views === null ? null : Math.round(views * 0.8))},
        ${s.viewSeconds ?? 60}, ${s.likes ?? 100}, ${s.comments ?? 20}, ${s.shares ?? 5}, ${s.followers ?? 10},
        ${clicks * 4}, ${clicks}, ${s.orders ?? 5}, ${s.buyers ?? s.orders ?? 5}, ${s.gmv ?? 250}, ${s.products ?? null})`);
  }
}
