/**
 * How a host's sessions fare against their peers week by week: the median peer score of the host's
 * sessions per ISO week over the last weeks the host streamed, and the slope of a straight line
 * through them (score points per week). A host is a name at one seller — two sellers' hosts who
 * share a common name are different people.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { weekStart } from '../kpis/periods.ts';
import { addDays } from '../shared/dates.ts';
import { ensureBenchmarks } from './peer-benchmarks.ts';

/** As many weeks as the background warm-up ranks, so a recent host's trend is read, not computed. */
export const HOST_TREND_WEEKS = 8;
/** A slope below this many score points per week reads as steady. */
export const STEADY_SLOPE = 1;

export interface HostTrendWeek {
  week: string;
  sessions: number;
  /** Median peer score of the week's sessions (0–100), null when none could be ranked. */
  score: number | null;
}

export interface HostTrend {
  sellerId: string;
  host: string;
  weeks: HostTrendWeek[];
  /** Score points per week, null with fewer than 3 scored weeks. */
  slope: number | null;
  direction: 'rising' | 'falling' | 'steady' | null;
}

export async function hostTrend(executor: Executor, input: { sellerId: string; host: string; weeks?: number }): Promise<HostTrend> {
  const weeks = input.weeks ?? HOST_TREND_WEEKS;
  const [latest] = await executor.query<{ last_day: string | null }>(sql`
    SELECT max(start_date) AS last_day FROM livestreams WHERE seller_id = ${input.sellerId} AND host = ${input.host}`);
  const empty: HostTrend = { sellerId: input.sellerId, host: input.host, weeks: [], slope: null, direction: null };
  if (!latest?.last_day) return empty;
  const lastWeek = weekStart(latest.last_day);
  const firstWeek = addDays(lastWeek, -7 * (weeks - 1));
  const [seller] = await executor.query<{ subcategory: string }>(sql`
    SELECT coalesce(subcategory_id, '') AS subcategory FROM sellers WHERE id = ${input.sellerId}`);
  await ensureBenchmarks(executor, { from: firstWeek, to: addDays(lastWeek, 6), subcategories: [seller?.subcategory ?? ''] });
  const rows = await executor.query<HostTrendWeek & { slope: number | null; scored: number }>(sql`
    WITH weekly AS (
      SELECT b.week, CAST(count(*) AS INTEGER) AS sessions, round(median(b.peer_score), 1) AS score
      FROM livestream_benchmarks b JOIN livestreams l ON l.id = b.livestream_id
      WHERE l.seller_id = ${input.sellerId} AND l.host = ${input.host}
        AND b.week BETWEEN CAST(${firstWeek} AS DATE) AND CAST(${lastWeek} AS DATE)
      GROUP BY b.week
    )
    SELECT CAST(week AS VARCHAR) AS week, sessions, score,
      regr_slope(score, date_diff('day', CAST(${firstWeek} AS DATE), week) / 7.0) OVER () AS slope,
      count(score) OVER () AS scored
    FROM weekly ORDER BY week`);
  const first = rows[0];
  const slope = first && first.scored >= 3 && first.slope !== null ? Math.round(first.slope * 10) / 10 : null;
  const direction = slope === null ? null : slope >= STEADY_SLOPE ? 'rising' : slope <= -STEADY_SLOPE ? 'falling' : 'steady';
  return { ...empty, weeks: rows.map(({ week, sessions, score }) => ({ week, sessions, score })), slope, direction };
}
