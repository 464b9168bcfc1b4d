/**
 * The account-care rules' queries: GMV below its usual level for N weeks in a row, top-tier
 * sellers nobody has contacted lately, and active sellers with an incomplete profile (the fields
 * and their labels come from the registry's completeness declaration).
 */
import { sql, type Sql } from '../../db/sql.ts';
import { COMPLETENESS_FIELDS, completenessScoreSql } from '../profile-completeness.ts';
import { sellerWeeklyBlocks } from '../segments/rolling-windows.sql.ts';
import { OPEN_SELLERS, tierList } from './open-sellers.sql.ts';
import type { RuleContext } from './rule-types.ts';
import { overdueFollowUpsBySellerSql } from '../../workspace/communication-query.ts';

/**
 * Baseline = average weekly GMV of the `baseline_weeks` 7-day blocks before the last `weeks`
 * blocks; fires when every one of the last `weeks` blocks is at least `drop` % below it. Upside =
 * (baseline − recent weekly average) × 4: what getting back to its usual level is worth per 4 weeks.
 */
export function gmvDeclining(c: RuleContext): Sql {
  const weeks = c.t.weeks ?? 3;
  const baselineWeeks = c.t.baseline_weeks ?? 4;
  const drop = (c.t.drop_percent ?? 20) / 100;
  const blocks = sellerWeeklyBlocks(c.dialect, ['gmv'], c.asOf, weeks + baselineWeeks);
  return sql`
    WITH blocks AS (${blocks}),
    agg AS (
      SELECT seller,
        coalesce(sum(gmv) FILTER (WHERE block >= ${weeks}), 0) / ${baselineWeeks} AS baseline,
        coalesce(sum(gmv) FILTER (WHERE block < ${weeks}), 0) / ${weeks} AS recent,
        coalesce(max(gmv) FILTER (WHERE block < ${weeks}), 0) AS best_recent
      FROM blocks GROUP BY seller
    )
    SELECT s.id AS subject_id, s.id AS seller_id, s.subcategory_id, s.seg_tier AS tier, ${weeks} AS weeks, ${drop} AS drop,
      a.baseline, a.recent, round(a.recent / a.baseline - 1, 6) AS change,
      (a.baseline - a.recent) * 4 AS upside, (a.baseline - a.recent) AS score
    FROM (${OPEN_SELLERS}) s JOIN agg a ON a.seller = s.id
    WHERE a.baseline > 0 AND a.baseline >= ${c.t.min_weekly_gmv ?? 0}
      AND round(a.best_recent, 2) <= round(a.baseline * ${1 - drop}, 2)`;
}

/**
 * Last contact = the latest communication logged with the seller, counted back from today; the
 * workspace's overdue follow-ups (next actions and tasks past due) are shown as evidence.
 */
export function topTierNotContacted(c: RuleContext, tiers: readonly string[]): Sql {
  const days = c.t.days ?? 30;
  const today = sql`CAST(${c.today} AS DATE)`;
  return sql`
    WITH contact AS (SELECT seller_id, CAST(max("at") AS DATE) AS day FROM communications GROUP BY seller_id)
    SELECT s.id AS subject_id, s.id AS seller_id, s.subcategory_id, s.seg_tier AS tier, s.gmv_window, ${days} AS days,
      CASE WHEN ct.day IS NULL THEN 'never logged'
        ELSE CAST(ct.day AS VARCHAR) || ' (' || date_diff('day', ct.day, ${today}) || ' days ago)' END AS last_contact,
      date_diff('day', ct.day, ${today}) AS days_since_contact, coalesce(od.overdue, 0) AS overdue_follow_ups,
      NULL::DOUBLE AS upside, s.gmv_window AS score
    FROM (${OPEN_SELLERS}) s LEFT JOIN contact ct ON ct.seller_id = s.id
    LEFT JOIN (${overdueFollowUpsBySellerSql(c.today)}) od ON od.seller_id = s.id
    WHERE s.seg_tier IN ${tierList(tiers)} AND (ct.day IS NULL OR ct.day <= ${today} - ${days} * INTERVAL 1 DAY)`;
}

/** Active sellers (not dormant, not churned) whose completeness score is below the threshold. */
export function incompleteProfile(c: RuleContext): Sql {
  const missing = COMPLETENESS_FIELDS.map((f) => `CASE WHEN NOT (${f.filled}) THEN '${f.label.replaceAll("'", "''")}' END`).join(', ');
  return sql`
    WITH p AS (
      SELECT s.*, ${completenessScoreSql()} AS score_0_100,
        list_filter([${sql.raw(missing)}], x -> x IS NOT NULL) AS missing_list
      FROM (${OPEN_SELLERS}) s
      WHERE s.lifecycle NOT IN ('dormant', 'churned')
    )
    SELECT id AS subject_id, id AS seller_id, subcategory_id, score_0_100 / 100.0 AS completeness,
      array_to_string(missing_list, ', ') AS missing, len(missing_list) AS missing_count, gmv_window,
      NULL::DOUBLE AS upside, gmv_window AS score
    FROM p WHERE score_0_100 < ${c.t.min_score ?? 75}`;
}
