/**
 * Loads per-minute livestream series by natural key (livestream, minute): the keys about to be
 * written are deleted, then the rows inserted, in the caller's transaction (no index to maintain).
 * `minute` is already whole minutes from the start (minutes-from-start.sql.ts read clock times).
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';

export async function loadLivestreamMinutes(executor: Executor, importId: string): Promise<number> {
  await executor.run(sql`DELETE FROM livestream_minutes USING valid v
    WHERE livestream_minutes.livestream_id = v.livestream_id AND livestream_minutes.minute = v.minute`);
  return executor.run(sql`
    INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, gmv, import_id)
    SELECT livestream_id, minute, viewers_online::INTEGER, enters::INTEGER, likes::INTEGER, comments::INTEGER,
      shares::INTEGER, product_clicks::INTEGER, orders::INTEGER, gmv, ${importId}
    FROM valid`);
}
