/**
 * One session as the session page, `aisle livestreams show` and the API see it: who streamed what
 * and when, its funnel, every benchmarked metric with its peer median, percentile and rating, the
 * funnel decomposition's sentence, and the host's weekly trend. The figures are the stored
 * benchmark row (catalog values, made current first), so the page and the list never disagree.
 */
import type { Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import { sql } from '../db/sql.ts';
import { latestDataDay } from '../kpis/overview.ts';
import { addDays } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { decomposeFunnel, type Decomposition } from './funnel-decomposition.ts';
import { hostTrend, type HostTrend } from './host-trend.ts';
import { ensureBenchmarks } from './peer-benchmarks.ts';
import { hostQualityTrend, sessionQuality, type HostQualityTrend } from './reviews/review-analysis.ts';
import type { QualityScore } from './reviews/review-scores.sql.ts';
import { POOL_DAYS_BACK } from './peer-benchmarks.sql.ts';
import { localStart } from './session-list.ts';
import {
  BENCHMARK_METRICS,
  durationBandLabel,
  FUNNEL_COUNTS,
  FUNNEL_FACTORS,
  metricInfo,
  rate,
  SCORE_BANDS,
  SCORE_METRICS,
  type Rating,
  type ScoreBand,
} from './session-metrics.ts';
import type { MetricFormat } from '../metrics/types.ts';

export interface SessionInfo {
  id: string;
  title: string | null;
  seller_id: string;
  seller_name: string;
  subcategory: string | null;
  subcategory_name: string | null;
  host: string | null;
  started_at: string;
  /** Start in the workspace time zone, `YYYY-MM-DD HH:MM`. */
  started_local: string;
  ended_at: string | null;
  start_date: string;
  duration_s: number | null;
  peak_viewers: number | null;
  products_count: number | null;
}

export interface BenchmarkRow {
  metric: string;
  label: string;
  description: string;
  format: MetricFormat;
  /** Part of the peer score. */
  scored: boolean;
  value: number | null;
  peerMedian: number | null;
  /** 0..1: share of peers this session did better than; null with too few peers or no value. */
  percentile: number | null;
  peers: number;
  rating: Rating | null;
}

export interface FunnelStep {
  metric: string;
  label: string;
  format: MetricFormat;
  value: number | null;
}

export interface PeerGroup {
  subcategory: string | null;
  subcategoryName: string | null;
  band: string;
  bandLabel: string;
  /** The 8 weeks the peers started in (up to the latest day with data). */
  from: string;
  to: string;
  /** Sessions in the group other than this one. */
  peers: number;
}

export interface LivestreamDetail {
  session: SessionInfo;
  currency: string;
  peerGroup: PeerGroup;
  peerScore: number | null;
  scoreBand: ScoreBand | null;
  funnel: FunnelStep[];
  benchmarks: BenchmarkRow[];
  decomposition: Decomposition;
  hostTrend: HostTrend | null;
  minutes: number;
  /** Reviews of the session (0: not reviewed). */
  reviews: number;
  /** Mean weighted rubric score over its reviewers, 1–5. */
  rubricScore: number | null;
  /** Rubric score and peer score combined, both parts shown. */
  quality: QualityScore;
  /** The host's weekly quality score (rubric and peers), null without a host. */
  hostQuality: HostQualityTrend | null;
}

const num = (row: PlainRow | undefined, key: string): number | null => {
  const value = row?.[key];
  return typeof value === 'number' ? value : null;
};

export function scoreBandOf(score: number | null): ScoreBand | null {
  if (score === null) return null;
  return SCORE_BANDS.find((b) => score >= b.from)?.band ?? null;
}

export async function getLivestream(executor: Executor, id: string): Promise<LivestreamDetail> {
  const { currency, timezone } = await getSettings(executor);
  const [session] = await executor.query<SessionInfo & { pool_subcategory: string }>(sql`
    SELECT l.id, l.title, l.seller_id, s.name AS seller_name, s.subcategory_id AS subcategory, sub.name AS subcategory_name,
      l.host, l.started_at, ${localStart(timezone)} AS started_local, l.ended_at, l.start_date, l.duration_s, l.peak_viewers, l.products_count,
      coalesce(s.subcategory_id, '') AS pool_subcategory
    FROM livestreams l JOIN sellers s ON s.id = l.seller_id LEFT JOIN categories sub ON sub.id = s.subcategory_id
    WHERE l.id = ${id}`);
  if (!session) {
    throw new UserError(`no livestream with id ${id}`, { code: 'not_found', hint: 'pick a session from the Livestreams list (aisle livestreams list)' });
  }
  const { pool_subcategory: poolSubcategory, ...info } = session;
  await ensureBenchmarks(executor, { from: info.start_date, to: info.start_date, subcategories: [poolSubcategory] });
  const [bench] = await executor.query(sql`SELECT * FROM livestream_benchmarks WHERE livestream_id = ${id}`);
  if (!bench) throw new Error(`livestream ${id} has no benchmark row after ensureBenchmarks`);
  const week = String(bench.week);
  const [group] = await executor.query(sql`
    SELECT * FROM livestream_peer_groups WHERE subcategory = ${poolSubcategory} AND week = CAST(${week} AS DATE) AND band = ${String(bench.band)}`);

  const benchmarks: BenchmarkRow[] = BENCHMARK_METRICS.map((metric) => {
    const info = metricInfo(metric);
    const value = num(bench, metric);
    const percentile = num(bench, `${metric}_pct`);
    return {
      metric,
      label: info.label,
      description: info.description,
      format: info.format,
      scored: (SCORE_METRICS as readonly string[]).includes(metric),
      value,
      peerMedian: num(group, `${metric}_median`),
      percentile,
      peers: Math.max(0, (num(group, `${metric}_n`) ?? 0) - (value === null ? 0 : 1)),
      rating: rate(percentile),
    };
  });
  const byMetric = new Map(benchmarks.map((b) => [b.metric, b]));
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  const decomposition = decomposeFunnel(
    FUNNEL_FACTORS.map((f) => {
      const b = byMetric.get(f.metric);
      return { key: f.key, value: b?.value ?? null, median: b?.peerMedian ?? null, percentile: b?.percentile ?? null };
    }),
    (value) => money.format(value),
    num(bench, 'views'),
  );
  const funnel = FUNNEL_COUNTS.map((metric) => {
    const m = metricInfo(metric);
    return { metric, label: m.label, format: m.format, value: num(bench, metric) };
  });
  // An index lookup (livestream_minutes_session_idx, migration 008), not a scan of every session's minutes.
  const [minutes] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM livestream_minutes WHERE livestream_id = ${id}`);
  const peerScore = num(bench, 'peer_score');
  const review = await sessionQuality(executor, id, peerScore);
  return {
    session: info,
    currency,
    peerGroup: {
      subcategory: info.subcategory,
      subcategoryName: info.subcategory_name,
      band: String(bench.band),
      bandLabel: durationBandLabel(String(bench.band)),
      from: addDays(week, -POOL_DAYS_BACK),
      // The pool's week may still be running: its peers so far end on the latest day with data.
      to: [addDays(week, 6), (await latestDataDay(executor)) ?? info.start_date].sort()[0] ?? info.start_date,
      peers: Math.max(0, (num(group, 'sessions') ?? 1) - 1),
    },
    peerScore,
    scoreBand: scoreBandOf(peerScore),
    funnel,
    benchmarks,
    decomposition,
    hostTrend: info.host ? await hostTrend(executor, { sellerId: info.seller_id, host: info.host }) : null,
    minutes: minutes?.n ?? 0,
    reviews: review.reviews,
    rubricScore: review.rubricScore,
    quality: review.quality,
    hostQuality: info.host ? await hostQualityTrend(executor, { sellerId: info.seller_id, host: info.host }) : null,
  };
}
