/**
 * Loads per-minute livestream series, upserted by (livestream, minute). A minute given as a
 * timestamp becomes minutes since the session started, so the session must be known first.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';

export async function loadLivestreamMinutes(executor: Executor, importId: string): Promise<number> {
  return executor.run(sql`
    INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, gmv, import_id)
    SELECT livestream_id, minute::INTEGER, viewers_online::INTEGER, enters::INTEGER, likes::INTEGER, comments::INTEGER,
      shares::INTEGER, product_clicks::INTEGER, orders::INTEGER, gmv, ${importId}
    FROM valid
    ON CONFLICT (livestream_id, minute) DO UPDATE SET viewers_online = excluded.viewers_online, enters = excluded.enters,
      likes = excluded.likes, comments = excluded.comments, shares = excluded.shares, product_clicks = excluded.product_clicks,
      orders = excluded.orders, gmv = excluded.gmv, import_id = excluded.import_id`);
}
