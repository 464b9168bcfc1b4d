/** What every seller rule starts from: open sellers with their computed segments. */
import { sql, type Sql } from '../../db/sql.ts';

/** Sellers a rule may speak about: in the registry and not closed (merged sellers are closed). */
export const OPEN_SELLERS = sql`SELECT s.*, seg.tier AS seg_tier, seg.lifecycle, seg.live_status, seg.gmv_window
  FROM sellers s JOIN seller_segments seg ON seg.seller_id = s.id WHERE s.status <> 'closed'`;

export function tierList(tiers: readonly string[]): Sql {
  return sql`(${sql.join([...tiers])})`;
}
