/**
 * Each seller's tier as the `seller_tier` dimension reads it: Aisle's computed tier when segments
 * exist, else the platform's tier from the sellers export. Pickers of tier scopes (targets, alert
 * rules) list these values, so a scope they offer is one the metric queries can find.
 */
import { sql } from '../../db/sql.ts';

export const SELLER_TIERS = sql`SELECT s.id AS seller_id, coalesce(seg.tier, s.tier) AS tier
  FROM sellers s LEFT JOIN seller_segments seg ON seg.seller_id = s.id`;
