/**
 * What a livestream session is judged on, declared once: the catalog metrics read per session, the
 * ones benchmarked against peers, the ones that make up the peer score, the funnel's steps, the
 * duration bands that make sessions comparable, and the Good / Warning / Bad thresholds. Every value
 * comes from the metric catalog (grouped by the `livestream` dimension); this module only names
 * which catalog metrics play which part, so the list, the session page, the CLI and the host trend
 * cannot disagree on what "CTR at the 18th percentile" means.
 */
import { getMetric } from '../metrics/catalog/index.ts';
import type { MetricFormat } from '../metrics/types.ts';

/** Peers are sessions that started in this many days ending on the session's day (8 weeks). */
export const PEER_WINDOW_DAYS = 56;
/** Fewer peers with a value than this and a percentile says nothing: it is left empty. */
export const MIN_PEERS = 5;

/** Ratings by percentile among peers: bottom quartile is Bad, below the median Warning, else Good. */
export const BAD_BELOW = 0.25;
export const GOOD_FROM = 0.5;
export type Rating = 'good' | 'warning' | 'bad';

export function rate(percentile: number | null): Rating | null {
  if (percentile === null) return null;
  if (percentile < BAD_BELOW) return 'bad';
  return percentile < GOOD_FROM ? 'warning' : 'good';
}

/** Peer score bands (peer score = mean percentile of the score metrics × 100). */
export const SCORE_BANDS = [
  { band: 'top', label: 'Top (75–100)', from: 75 },
  { band: 'good', label: 'Good (50–75)', from: 50 },
  { band: 'fair', label: 'Fair (25–50)', from: 25 },
  { band: 'low', label: 'Low (0–25)', from: 0 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['band'];
export const SCORE_BAND_NAMES = SCORE_BANDS.map((b) => b.band) as readonly ScoreBand[];

/** Rates the issue names, benchmarked and averaged into the peer score. */
export const SCORE_METRICS = [
  'engagement_rate',
  'ctr',
  'ctor',
  'live_conversion',
  'gpm',
  'gmv_per_live_hour',
  'avg_view_duration_s',
  'follow_rate',
] as const;

/**
 * The funnel impressions → views → product clicks → orders → GMV as a product of factors:
 * GMV = impressions × view rate × CTR × CTOR × AOV. Each factor is a catalog metric.
 */
export const FUNNEL_FACTORS = [
  { key: 'traffic', metric: 'live_impressions', label: 'Traffic (LIVE impressions)', noun: 'traffic', fix: 'promoting the session beforehand (a short video, a LIVE notice) and going live at the subcategory’s busy hours is the usual fix' },
  { key: 'view_rate', metric: 'live_view_rate', label: 'View rate', noun: 'view rate', fix: 'a clearer cover image and title, and a hook in the first minute, is the usual fix' },
  { key: 'ctr', metric: 'ctr', label: 'CTR', noun: 'CTR', fix: 'pinning products earlier and showing them on camera is the usual fix' },
  { key: 'ctor', metric: 'ctor', label: 'CTOR', noun: 'CTOR', fix: 'a live-only price or voucher and a clear call to buy at the moment of the pin is the usual fix' },
  { key: 'aov', metric: 'live_aov', label: 'Order value', noun: 'order value', fix: 'bundles and tiered discounts that raise the basket are the usual fix' },
] as const;
export type FunnelFactorKey = (typeof FUNNEL_FACTORS)[number]['key'];

/** Every metric benchmarked against peers: the score metrics, then the funnel factors not already in. */
export const BENCHMARK_METRICS: readonly string[] = [
  ...SCORE_METRICS,
  ...FUNNEL_FACTORS.map((f) => f.metric).filter((m) => !(SCORE_METRICS as readonly string[]).includes(m)),
];

/** Counts kept with the benchmarks, so a list of sessions reads one table. */
export const STORED_COUNTS = ['views', 'viewers', 'live_gmv', 'live_orders', 'live_product_clicks', 'live_hours'] as const;

/** The funnel's counts, in order, shown as bars. */
export const FUNNEL_COUNTS = ['live_impressions', 'views', 'live_product_clicks', 'live_orders', 'live_gmv'] as const;

/** Everything read per session from the catalog. */
export const SESSION_METRICS: readonly string[] = [
  ...new Set([
    ...FUNNEL_COUNTS,
    'live_hours',
    'viewers',
    'peak_viewers',
    'likes',
    'comments',
    'shares',
    'new_followers',
    'live_buyers',
    ...BENCHMARK_METRICS,
  ]),
];

/** Duration bands: sessions are compared with sessions of a similar length. */
export const DURATION_BANDS = [
  { band: 'under_1h', label: 'under 1 h', below: 3600 },
  { band: '1_2h', label: '1–2 h', below: 7200 },
  { band: '2_4h', label: '2–4 h', below: 14400 },
  { band: '4h_plus', label: '4 h and more', below: null },
] as const;
export type DurationBand = (typeof DURATION_BANDS)[number]['band'] | 'unknown';

export function durationBandLabel(band: string): string {
  return DURATION_BANDS.find((b) => b.band === band)?.label ?? 'unknown length';
}

export interface MetricInfo {
  name: string;
  label: string;
  description: string;
  format: MetricFormat;
  higherIsBetter: boolean;
}

export function metricInfo(name: string): MetricInfo {
  const metric = getMetric(name);
  return {
    name,
    label: metric.label,
    description: metric.description,
    format: metric.format,
    higherIsBetter: (metric.direction ?? 'higher_is_better') !== 'lower_is_better',
  };
}
