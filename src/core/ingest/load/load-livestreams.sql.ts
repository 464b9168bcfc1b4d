/**
 * Loads livestream sessions, upserted by id (exports without an id get a stable one from seller and
 * start time, so re-importing updates instead of duplicating). End time and duration complete each
 * other; the local start date follows the workspace time zone.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';

const COLUMNS = ['host', 'title', 'impressions', 'views', 'viewers', 'peak_viewers', 'avg_viewers', 'avg_view_duration_s', 'likes',
  'comments', 'shares', 'new_followers', 'product_impressions', 'product_clicks', 'orders', 'items_sold', 'buyers', 'gmv',
  'products_count', 'gifts_value'];

export async function loadLivestreams(executor: Executor, importId: string, timezone: string): Promise<number> {
  const cols = sql.raw(COLUMNS.join(', '));
  const values = sql.raw(COLUMNS.map((c) => (['peak_viewers', 'orders', 'items_sold', 'buyers', 'products_count'].includes(c) ? `${c}::INTEGER` : c)).join(', '));
  const updates = sql.raw(COLUMNS.map((c) => `${c} = coalesce(excluded.${c}, livestreams.${c})`).join(', '));
  return executor.run(sql`
    INSERT INTO livestreams (id, seller_id, started_at, start_date, ended_at, duration_s, ${cols}, import_id, updated_at)
    SELECT coalesce(livestream_id, 'ls:' || left(md5(seller_ref || '|' || CAST(started_at AS VARCHAR)), 16)),
      seller_ref, started_at, CAST(timezone(${timezone}, started_at) AS DATE),
      coalesce(ended_at, started_at + duration_s * INTERVAL 1 SECOND),
      coalesce(duration_s, CAST(epoch(ended_at) - epoch(started_at) AS INTEGER))::INTEGER,
      ${values}, ${importId}, now()
    FROM valid
    ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, started_at = excluded.started_at,
      start_date = excluded.start_date, ended_at = excluded.ended_at, duration_s = excluded.duration_s, ${updates},
      import_id = excluded.import_id, updated_at = excluded.updated_at`);
}
