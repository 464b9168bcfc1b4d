/**
 * Per-minute curves for recent demo sessions (platforms only keep them for a short while). Each
 * minute gets a shape — ramp-up, a bump after every product drop, decay near the end — and the
 * session's totals are split over the minutes by largest remainder, so enters, likes, comments,
 * shares and product clicks sum exactly to the session's figures. Orders and GMV per minute are
 * counted from the session's own order lines, so they sum to the session too.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { DayChunk, DemoPlan } from './demo-plan.ts';
import { lit, type DemoRandom } from './demo-random.sql.ts';
import { sessionIdOf } from './generate-livestreams.sql.ts';

/** Measures split over minutes: session column → weight expression over the minute's shape. */
const SPLITS: readonly { column: string; weight: string }[] = [
  { column: 'views', weight: 'shape * (1 + 1.5 * exp(-minute / 5.0))' }, // newcomers arrive early
  { column: 'likes', weight: 'shape' },
  { column: 'comments', weight: 'shape * spike' },
  { column: 'shares', weight: 'shape' },
  { column: 'product_clicks', weight: 'shape * spike * spike' }, // clicks follow product drops
];

function floorPart(column: string): Sql {
  const c = sql.ident(column);
  return sql`floor(${c} * w_${sql.raw(column)} / sum(w_${sql.raw(column)}) OVER session) AS base_${sql.raw(column)},
    ${c} * w_${sql.raw(column)} / sum(w_${sql.raw(column)}) OVER session
      - floor(${c} * w_${sql.raw(column)} / sum(w_${sql.raw(column)}) OVER session) AS rem_${sql.raw(column)}`;
}

function roundedPart(column: string, alias: string): Sql {
  const name = sql.raw(column);
  return sql`CAST(base_${name} + CASE WHEN row_number() OVER (PARTITION BY skey ORDER BY rem_${name} DESC, minute)
      <= ${sql.ident(column)} - sum(base_${name}) OVER (PARTITION BY skey) THEN 1 ELSE 0 END AS INTEGER) AS ${sql.raw(alias)}`;
}

export async function insertChunkMinutes(
  tx: Executor,
  plan: DemoPlan,
  rnd: DemoRandom,
  chunk: DayChunk,
): Promise<number> {
  if (chunk.toDay < plan.minutesFromDay) return 0;
  // Windows partition by the session's integer key, not its string id, and see only the columns
  // they need: each of the six orders below sorts every minute row of the chunk.
  const totals = sql.join(SPLITS.map((s) => sql.ident(s.column)));
  return tx.run(sql`
    INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, gmv)
    WITH minutes AS (
      SELECT skey, started_at, views, likes, comments, shares, product_clicks, avg_viewers, drop_every, ramp_min,
        ceil(duration_s / 60.0) AS n_min, CAST(unnest(range(CAST(ceil(duration_s / 60.0) AS INTEGER))) AS INTEGER) AS minute
      FROM demo_session_final WHERE day_idx >= ${lit(plan.minutesFromDay)}
    ), shaped AS (
      SELECT *,
        (1 - exp(-(minute + 1) / ramp_min))
          * (CASE WHEN minute / n_min > 0.75 THEN exp(-(minute / n_min - 0.75) * 4) ELSE 1 END)
          * exp(0.08 * ${rnd.normal('minute', sql`skey`, sql`minute`)}) AS shape,
        1 + (CASE WHEN minute >= drop_every THEN 0.6 * exp(-(minute % drop_every) / 3.0) ELSE 0 END) AS spike
      FROM minutes
    ), weighted AS (
      SELECT skey, minute, avg_viewers, ${totals}, shape * spike AS viewer_shape,
        ${sql.join(SPLITS.map((s) => sql`${sql.raw(s.weight)} AS w_${sql.raw(s.column)}`))}
      FROM shaped
    ), floored AS (
      SELECT skey, minute, avg_viewers, ${totals}, viewer_shape / avg(viewer_shape) OVER session AS relative,
        ${sql.join(SPLITS.map((s) => floorPart(s.column)))}
      FROM weighted WINDOW session AS (PARTITION BY skey)
    ), split AS (
      SELECT skey, minute, CAST(round(avg_viewers * relative) AS INTEGER) AS viewers_online,
        ${roundedPart('views', 'enters')}, ${roundedPart('likes', 'likes')}, ${roundedPart('comments', 'comments')},
        ${roundedPart('shares', 'shares')}, ${roundedPart('product_clicks', 'product_clicks')}
      FROM floored
    ), sold AS (
      -- Whole seconds apart (both are whole-second instants): integer arithmetic, not ICU's date_diff.
      SELECT f.skey, CAST((epoch_us(ol.ordered_at) - epoch_us(f.started_at)) // 60000000 AS INTEGER) AS minute,
        count(*) FILTER (WHERE ol.line_no = 1) AS orders, sum(ol.amount) AS gmv
      FROM order_lines ol JOIN demo_session_final f ON f.id = ol.livestream_id
      WHERE f.day_idx >= ${lit(plan.minutesFromDay)}
        AND ol.order_date BETWEEN CAST(${chunk.from} AS DATE) AND CAST(${chunk.to} AS DATE) + 1
      GROUP BY ALL
    )
    SELECT ${sessionIdOf(sql`s.skey`)}, s.minute, s.viewers_online, s.enters, s.likes, s.comments, s.shares, s.product_clicks,
      CAST(coalesce(o.orders, 0) AS INTEGER), coalesce(o.gmv, 0)
    FROM split s LEFT JOIN sold o ON o.skey = s.skey AND o.minute = s.minute`);
}
