/**
 * The livestream rules' queries: big sellers that never go live, live adopters who stopped, and
 * live sellers whose GPM, CTR or engagement sit below their subcategory's lower quartile. Every
 * figure comes from the metric catalog over rolling windows ending on the latest day with data.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { compileMetricQuery } from '../../metrics/compile-query.ts';
import { addDays } from '../../shared/dates.ts';
import { countText, moneyText, percentText } from '../segments/reason-text.sql.ts';
import { sellerWindow } from '../segments/rolling-windows.sql.ts';
import { OPEN_SELLERS, tierList } from './open-sellers.sql.ts';
import type { RuleContext } from './rule-types.ts';

/**
 * Upside = its peers' live GMV share × the seller's GMV. Peers are the sellers of the same
 * category and tier — or of the whole category when it is alone in its tier there; the seller
 * itself is left out of the share (it has no live GMV and would only dilute it), so the share
 * says how much of their GMV sellers like it make live.
 */
export function neverLiveBigSeller(c: RuleContext, tiers: readonly string[]): Sql {
  const days = c.t.window_days ?? 28;
  const from = addDays(c.asOf, -(days - 1));
  const gmv = sellerWindow(c.dialect, ['gmv'], c.asOf, days);
  const byTier = compileMetricQuery(c.dialect, { metrics: ['gmv', 'live_gmv'], by: ['category', 'seller_tier'], from, to: c.asOf }).query;
  const byCategory = compileMetricQuery(c.dialect, { metrics: ['gmv', 'live_gmv'], by: ['category'], from, to: c.asOf }).query;
  return sql`
    WITH g AS (${gmv}), by_tier AS (${byTier}), by_category AS (${byCategory}),
    base AS (
      SELECT s.id, s.subcategory_id, s.seg_tier AS tier, coalesce(cat.name, 'the category') AS category, g.gmv,
        bt.live_gmv / nullif(bt.gmv - g.gmv, 0) AS tier_share,
        bc.live_gmv / nullif(bc.gmv - g.gmv, 0) AS category_share
      FROM (${OPEN_SELLERS}) s
      JOIN g ON g.seller = s.id
      LEFT JOIN by_tier bt ON bt.category IS NOT DISTINCT FROM s.category_id AND bt.seller_tier = s.seg_tier
      LEFT JOIN by_category bc ON bc.category IS NOT DISTINCT FROM s.category_id
      LEFT JOIN categories cat ON cat.id = s.category_id
      WHERE s.live_status = 'never' AND s.seg_tier IN ${tierList(tiers)} AND g.gmv >= ${c.t.min_gmv ?? 0} AND g.gmv > 0
    )
    SELECT id AS subject_id, id AS seller_id, subcategory_id, tier, category,
      CASE WHEN tier_share IS NOT NULL THEN 'tier ' || tier || ', ' || category ELSE 'all tiers of ' || category END AS peer_group,
      gmv, coalesce(tier_share, category_share, 0) AS live_share,
      gmv * coalesce(tier_share, category_share, 0) AS upside, gmv AS score
    FROM base`;
}

/** Upside = the live GMV it made per 4 weeks over the lookback before it stopped. */
export function lapsedLiveAdopter(c: RuleContext): Sql {
  const lapse = c.t.lapsed_days ?? 30;
  const lookback = c.t.lookback_days ?? 90;
  const before = sellerWindow(c.dialect, ['live_sessions', 'live_gmv'], c.asOf, lookback, lapse);
  const day = sql`CAST(${c.asOf} AS DATE)`;
  return sql`
    WITH before AS (${before}),
    last_live AS (SELECT seller_id, max(start_date) AS day FROM livestreams WHERE start_date <= ${day} GROUP BY seller_id)
    SELECT s.id AS subject_id, s.id AS seller_id, s.subcategory_id,
      CAST(ll.day AS VARCHAR) AS last_live, date_diff('day', ll.day, ${day}) AS days_since,
      b.live_sessions AS sessions_before, b.live_gmv AS live_gmv_before,
      b.live_gmv / ${lookback} * 28 AS upside, b.live_gmv AS score
    FROM (${OPEN_SELLERS}) s
    JOIN before b ON b.seller = s.id
    JOIN last_live ll ON ll.seller_id = s.id
    WHERE date_diff('day', ll.day, ${day}) >= ${lapse} AND b.live_sessions >= ${c.t.min_sessions ?? 2}`;
}

/**
 * Quartiles among the subcategory's live sellers (enough sessions, enough peers). Upside only when
 * GPM is below the quartile: (median GPM − its GPM) × its views / 1000, the live GMV its audience
 * would have brought at the subcategory's median GPM.
 */
export function liveMetricsBelowQuartile(c: RuleContext): Sql {
  const days = c.t.window_days ?? 28;
  const m = sellerWindow(c.dialect, ['live_sessions', 'views', 'gpm', 'ctr', 'engagement_rate'], c.asOf, days);
  const money = (v: Sql) => moneyText(v, c.currency);
  return sql`
    WITH m AS (${m}),
    live AS (
      SELECT m.*, s.subcategory_id, coalesce(cat.name, s.subcategory_id) AS subcategory
      FROM m JOIN (${OPEN_SELLERS}) s ON s.id = m.seller
      LEFT JOIN categories cat ON cat.id = s.subcategory_id
      WHERE m.live_sessions >= ${c.t.min_sessions ?? 3} AND s.subcategory_id IS NOT NULL
    ),
    q AS (
      SELECT subcategory_id, count(*) AS peers,
        quantile_cont(gpm, 0.25) AS gpm_p25, median(gpm) AS gpm_median,
        quantile_cont(ctr, 0.25) AS ctr_p25, quantile_cont(engagement_rate, 0.25) AS engagement_p25
      FROM live GROUP BY subcategory_id HAVING count(*) >= ${c.t.min_peers ?? 5}
    ),
    flagged AS (
      SELECT live.*, q.peers, q.gpm_p25, q.gpm_median, q.ctr_p25, q.engagement_p25,
        coalesce(live.gpm < q.gpm_p25, false) AS low_gpm,
        coalesce(live.ctr < q.ctr_p25, false) AS low_ctr,
        coalesce(live.engagement_rate < q.engagement_p25, false) AS low_engagement
      FROM live JOIN q USING (subcategory_id)
    )
    SELECT seller AS subject_id, seller AS seller_id, subcategory_id, subcategory, live_sessions AS sessions, views, peers,
      array_to_string(list_filter([CASE WHEN low_gpm THEN 'GPM' END, CASE WHEN low_ctr THEN 'LIVE CTR' END,
        CASE WHEN low_engagement THEN 'engagement rate' END], x -> x IS NOT NULL), ', ') AS below,
      gpm, gpm_p25, gpm_median, ctr, ctr_p25, engagement_rate, engagement_p25,
      CASE WHEN low_gpm THEN (gpm_median - gpm) * views / 1000 END AS upside,
      CASE WHEN low_gpm
        THEN 'At the subcategory''s median GPM (' || ${money(sql`gpm_median`)} || ') its ' || ${countText(sql`views`)}
          || ' views would have made about ' || ${money(sql`(gpm_median - gpm) * views / 1000`)} || ' more live GMV.'
        ELSE 'GPM is at or above the quartile (' || ${money(sql`gpm`)} || '), so no money upside is estimated; CTR ' || ${percentText(sql`ctr`)}
          || ' vs ' || ${percentText(sql`ctr_p25`)} || ', engagement ' || ${percentText(sql`engagement_rate`)} || ' vs ' || ${percentText(sql`engagement_p25`)} || '.'
      END AS upside_note,
      (CASE WHEN low_gpm THEN 1 ELSE 0 END + CASE WHEN low_ctr THEN 1 ELSE 0 END + CASE WHEN low_engagement THEN 1 ELSE 0 END) * 1.0 AS score
    FROM flagged WHERE low_gpm OR low_ctr OR low_engagement`;
}
