/**
 * The period's leaderboard: the sessions that made the most per thousand views (GPM) and per live
 * hour. A session needs at least the period's median views to rank, so a 30-view session that
 * happened to sell once does not top the board.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { getSettings } from '../shared/settings.ts';
import { ensureBenchmarks } from './peer-benchmarks.ts';
import { metricInfo } from './session-metrics.ts';
import { resolveLivestreamPeriod, sessionRowsSql, type LivestreamListRow, type LivestreamPeriod, type LivestreamPeriodRequest } from './session-list.ts';

export const LEADERBOARD_METRICS = ['gpm', 'gmv_per_live_hour'] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export interface LeaderboardRequest extends LivestreamPeriodRequest {
  subcategory?: string[];
  limit?: number;
}

export interface Leaderboard {
  period: LivestreamPeriod;
  currency: string;
  /** Views a session needed to rank (the period's median), null without sessions. */
  minViews: number | null;
  boards: { metric: LeaderboardMetric; label: string; rows: LivestreamListRow[] }[];
}

export async function livestreamLeaderboard(executor: Executor, request: LeaderboardRequest = {}): Promise<Leaderboard> {
  const period = await resolveLivestreamPeriod(executor, request);
  const { currency, timezone } = await getSettings(executor);
  const limit = Math.min(50, Math.max(1, Math.trunc(request.limit ?? 5)));
  await ensureBenchmarks(executor, { ...period.current, subcategories: request.subcategory });
  const rows = sessionRowsSql(period.current, { subcategory: request.subcategory }, timezone);
  const [threshold] = await executor.query<{ min_views: number | null }>(sql`SELECT quantile_disc(r.views, 0.5) AS min_views FROM ${rows}`);
  const minViews = threshold?.min_views ?? null;
  const boards = await Promise.all(
    LEADERBOARD_METRICS.map(async (metric) => ({
      metric,
      label: metricInfo(metric).label,
      rows:
        minViews === null
          ? []
          : await executor.query<LivestreamListRow>(sql`
              SELECT r.* FROM ${rows} WHERE r.views >= ${minViews} AND r.${sql.ident(metric)} IS NOT NULL
              ORDER BY r.${sql.ident(metric)} DESC, r.id ${executor.dialect.limit(limit)}`),
    })),
  );
  return { period, currency, minViews, boards };
}
