/**
 * What the best-practices analysis compares between the top quartile of a subcategory's sessions
 * and the rest, declared once: how a session is ranked (its outcome), the session habits (length,
 * products shown per hour), the interaction rates (catalog metrics, read from the stored
 * benchmarks), and the start-hour bands. Rubric criteria and review tags are added from the
 * reviews themselves. Everything here is a name, a label and a SQL expression over one session —
 * `l` is the `livestreams` row, `b` its `livestream_benchmarks` row.
 */
import { sql, type Sql } from '../../db/sql.ts';
import type { MetricFormat } from '../../metrics/types.ts';
import { metricInfo } from '../session-metrics.ts';

/** What "top quartile" is ranked by: money per thousand views (default) or per hour live. */
export const OUTCOMES = ['gpm', 'gmv_per_live_hour'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A subcategory with fewer ranked sessions than this has no meaningful quartile: it is left out. */
export const MIN_SESSIONS_PER_SUBCATEGORY = 8;

export type FeatureKind = 'habit' | 'interaction' | 'rubric';

export interface NumericFeature {
  key: string;
  label: string;
  kind: FeatureKind;
  format: MetricFormat | 'hours' | 'score';
  /** Words for "more of it" / "less of it" in a sentence: "run longer", "show more products per hour". */
  more: string;
  less: string;
  expression: Sql;
}

const rate = (metric: string, more: string, less: string): NumericFeature => {
  const info = metricInfo(metric);
  return { key: metric, label: info.label, kind: 'interaction', format: info.format, more, less, expression: sql`b.${sql.ident(metric)}` };
};

export const NUMERIC_FEATURES: readonly NumericFeature[] = [
  {
    key: 'duration_h',
    label: 'Session length',
    kind: 'habit',
    format: 'hours',
    more: 'run longer',
    less: 'are shorter',
    expression: sql`l.duration_s / 3600.0`,
  },
  {
    key: 'products_per_hour',
    label: 'Products shown per hour',
    kind: 'habit',
    format: 'number',
    more: 'show more products per hour',
    less: 'show fewer products per hour',
    expression: sql`CASE WHEN l.duration_s > 0 THEN l.products_count / (l.duration_s / 3600.0) END`,
  },
  {
    key: 'comments_per_1k_views',
    label: 'Comments per 1,000 views',
    kind: 'interaction',
    format: 'number',
    more: 'draw more comments per view',
    less: 'draw fewer comments per view',
    expression: sql`CASE WHEN l.views > 0 THEN l.comments * 1000.0 / l.views END`,
  },
  rate('engagement_rate', 'get more likes, comments and shares per view', 'get fewer likes, comments and shares per view'),
  rate('ctr', 'turn more product impressions into clicks', 'turn fewer product impressions into clicks'),
  rate('avg_view_duration_s', 'hold viewers longer', 'hold viewers for less time'),
  rate('follow_rate', 'win more followers per viewer', 'win fewer followers per viewer'),
  rate('live_view_rate', 'turn more impressions into views', 'turn fewer impressions into views'),
];

/** Start-hour bands (local time of the workspace), compared as shares of sessions. */
export const START_HOUR_BANDS = [
  { key: '00_06', label: '00:00–06:00', from: 0, to: 6 },
  { key: '06_10', label: '06:00–10:00', from: 6, to: 10 },
  { key: '10_14', label: '10:00–14:00', from: 10, to: 14 },
  { key: '14_18', label: '14:00–18:00', from: 14, to: 18 },
  { key: '18_21', label: '18:00–21:00', from: 18, to: 21 },
  { key: '21_24', label: '21:00–24:00', from: 21, to: 24 },
] as const;

export function startHourBandSql(hour: Sql): Sql {
  const cases = START_HOUR_BANDS.map((b) => sql`WHEN ${hour} < ${sql.raw(String(b.to))} THEN ${b.key}`);
  return sql`CASE ${sql.join(cases, ' ')} END`;
}

export function outcomeLabel(outcome: Outcome): string {
  return metricInfo(outcome).label;
}
