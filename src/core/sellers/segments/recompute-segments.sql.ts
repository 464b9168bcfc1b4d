/**
 * Recomputes every seller's tier, lifecycle and livestream adopter status in one set-based
 * statement, each with the reason a person can read ("GMV Rp 12.3M over the last 90 days, #3 of
 * 1,480 sellers with sales (top 1%); S is the top 5%"). Every GMV and session count comes from the
 * metric catalog (rolling windows compiled by seller); only `sellers.first_seen/last_seen` and the
 * date of the last livestream (whether there ever was one) are read directly. The table is replaced as a whole, so a seller
 * that disappeared (merged away) loses its row. Definitions: segment-definitions.ts.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { SEGMENT_RULES as R } from './segment-definitions.ts';
import { countText, moneyText, percentText } from './reason-text.sql.ts';
import { sellerWeeklyBlocks, sellerWindow } from './rolling-windows.sql.ts';
import type { TierThresholds } from './tier-thresholds.ts';

export interface RecomputeInput {
  asOf: string;
  thresholds: TierThresholds;
  currency: string;
}

/** "top 1%" / "top 0.2%": the share of sellers with sales at or above this one, rounded up. */
function topShareText(share: Sql): Sql {
  return sql`(CASE WHEN ${share} < 0.01 THEN printf('%.1f%%', ceil(${share} * 1000) / 10) ELSE printf('%.0f%%', ceil(${share} * 100)) END)`;
}

function dayCount(from: Sql, to: Sql): Sql {
  return sql`date_diff('day', ${from}, ${to})`;
}

export async function writeSegments(executor: Executor, input: RecomputeInput): Promise<number> {
  const { asOf, thresholds: t, currency } = input;
  const d = executor.dialect;
  const day = sql`CAST(${asOf} AS DATE)`;
  const money = (value: Sql) => moneyText(value, currency);
  const window = sellerWindow(d, ['gmv'], asOf, t.windowDays);
  const recent = sellerWindow(d, ['gmv'], asOf, R.trendDays);
  const before = sellerWindow(d, ['gmv'], asOf, R.trendDays, R.trendDays);
  const weeks = sellerWeeklyBlocks(d, ['live_sessions'], asOf, R.liveWeeks);
  const windowText = `the last ${t.windowDays} days`;
  // Rounded so an exact +20% counts as +20% whatever the binary fraction of the division.
  const change = sql`round(gmv_now / gmv_before - 1, 6)`;
  const idle = dayCount(sql`last_seen`, day);
  const trendText = sql`${money(sql`gmv_now`)} || ' in the last 4 weeks'`;

  await executor.run(sql`DELETE FROM seller_segments`);
  return executor.run(sql`
    INSERT INTO seller_segments (seller_id, tier, tier_reason, lifecycle, lifecycle_reason, live_status, live_status_reason, gmv_window, computed_at)
    WITH win AS (${window}), recent AS (${recent}), before AS (${before}), weeks AS (${weeks}),
    ranked AS (
      SELECT seller, gmv, rank() OVER (ORDER BY gmv DESC) AS rank, count(*) OVER () AS n
      FROM win WHERE gmv > 0
    ),
    live_weeks AS (SELECT seller, count(*) FILTER (WHERE live_sessions > 0) AS weeks FROM weeks GROUP BY seller),
    last_live AS (SELECT seller_id, max(start_date) AS day FROM livestreams WHERE start_date <= ${day} GROUP BY seller_id),
    b AS (
      SELECT s.id, s.first_seen, CASE WHEN s.last_seen > ${day} THEN ${day} ELSE s.last_seen END AS last_seen, r.gmv, r.rank, r.n, r.rank / r.n AS share,
        coalesce(recent.gmv, 0) AS gmv_now, coalesce(before.gmv, 0) AS gmv_before,
        coalesce(lw.weeks, 0) AS live_weeks, ll.day AS last_live
      FROM sellers s
      LEFT JOIN ranked r ON r.seller = s.id
      LEFT JOIN recent ON recent.seller = s.id
      LEFT JOIN before ON before.seller = s.id
      LEFT JOIN live_weeks lw ON lw.seller = s.id
      LEFT JOIN last_live ll ON ll.seller_id = s.id
    ),
    tiered AS (
      SELECT *, CASE
          WHEN rank IS NULL THEN 'C'
          WHEN rank <= ceil(n * ${t.s / 100}) THEN 'S'
          WHEN rank <= ceil(n * ${t.a / 100}) THEN 'A'
          WHEN rank <= ceil(n * ${t.b / 100}) THEN 'B'
          ELSE 'C' END AS tier
      FROM b
    )
    SELECT id, tier,
      CASE WHEN rank IS NULL THEN ${`no GMV in ${windowText}`}
        ELSE 'GMV ' || ${money(sql`gmv`)} || ${` over ${windowText}, #`} || ${countText(sql`rank`)} || ' of ' || ${countText(sql`n`)}
          || ' sellers with sales (top ' || ${topShareText(sql`share`)} || '); '
          || CASE tier WHEN 'S' THEN ${`S is the top ${t.s}%`} WHEN 'A' THEN ${`A is the top ${t.a}% after S`}
               WHEN 'B' THEN ${`B is the top ${t.b}% after A`} ELSE ${`C is below the top ${t.b}%`} END
      END AS tier_reason,
      CASE
        WHEN last_seen IS NULL THEN 'dormant'
        WHEN ${idle} >= ${R.churnedAfterDays} THEN 'churned'
        WHEN ${idle} >= ${R.dormantAfterDays} THEN 'dormant'
        WHEN ${dayCount(sql`first_seen`, day)} < ${R.newWithinDays} THEN 'new'
        WHEN gmv_before = 0 AND gmv_now > 0 THEN 'growing'
        WHEN gmv_before > 0 AND ${change} >= ${R.trendChange} THEN 'growing'
        WHEN gmv_before > 0 AND ${change} <= ${-R.trendChange} THEN 'declining'
        ELSE 'steady' END AS lifecycle,
      CASE
        WHEN last_seen IS NULL THEN 'no sales or livestreams recorded yet'
        WHEN ${idle} >= ${R.dormantAfterDays} THEN 'no sales or livestreams for ' || ${idle} || ' days (last active ' || CAST(last_seen AS VARCHAR) || ')'
        WHEN ${dayCount(sql`first_seen`, day)} < ${R.newWithinDays} THEN 'first active ' || CAST(first_seen AS VARCHAR) || ', '
          || ${dayCount(sql`first_seen`, day)} || ' days ago; GMV ' || ${money(sql`gmv_now`)} || ' since'
        WHEN gmv_before = 0 AND gmv_now > 0 THEN ${trendText} || ', none in the 4 weeks before'
        WHEN gmv_before = 0 THEN 'no GMV in the last 8 weeks; active with livestreams only'
        WHEN ${change} >= ${R.trendChange} THEN ${trendText} || ', up ' || ${percentText(change)} || ' on the 4 weeks before (' || ${money(sql`gmv_before`)} || ')'
        WHEN ${change} <= ${-R.trendChange} THEN ${trendText} || ', down ' || ${percentText(sql`-${change}`)} || ' on the 4 weeks before (' || ${money(sql`gmv_before`)} || ')'
        ELSE ${trendText} || ', within ±' || ${percentText(sql`${R.trendChange}`)} || ' of the 4 weeks before (' || ${money(sql`gmv_before`)} || ')'
      END AS lifecycle_reason,
      CASE
        WHEN last_live IS NULL THEN 'never'
        WHEN ${dayCount(sql`last_live`, day)} >= ${R.liveLapsedAfterDays} THEN 'lapsed'
        WHEN live_weeks >= ${R.liveRegularWeeks} THEN 'regular'
        ELSE 'occasional' END AS live_status,
      CASE
        WHEN last_live IS NULL THEN 'no livestream recorded'
        WHEN ${dayCount(sql`last_live`, day)} >= ${R.liveLapsedAfterDays} THEN 'last livestream ' || CAST(last_live AS VARCHAR) || ', '
          || ${dayCount(sql`last_live`, day)} || ' days ago'
        ELSE 'live in ' || live_weeks || ${` of the last ${R.liveWeeks} weeks; last on `} || CAST(last_live AS VARCHAR)
      END AS live_status_reason,
      coalesce(gmv, 0) AS gmv_window,
      now() AS computed_at
    FROM tiered`);
}
