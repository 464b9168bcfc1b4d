/** Livestream metrics (CONTRACTS.md §4), aggregated over sessions by their local start date. */
import type { MetricDefinition } from '../types.ts';

function sessionSum(name: string, label: string, column: string, format: 'count' | 'money' = 'count'): MetricDefinition {
  return {
    name,
    label,
    description: `Σ ${column} over sessions`,
    format,
    type: 'sum',
    source: 'livestreams',
    expr: `l.${column}`,
    additive: true,
  };
}

function ratio(
  name: string,
  label: string,
  numerator: string,
  denominator: string,
  description: string,
  format: MetricDefinition['format'] = 'rate',
  scale?: number,
): MetricDefinition {
  return { name, label, description, format, type: 'ratio', numerator, denominator, additive: false, ...(scale ? { scale } : {}) };
}

/** A ratio of a part to its whole: never above 1. */
function share(name: string, label: string, numerator: string, denominator: string, description: string): MetricDefinition {
  return { ...ratio(name, label, numerator, denominator, description), bounded: true };
}

export const livestreamMetrics: MetricDefinition[] = [
  {
    name: 'live_sessions',
    label: 'Live sessions',
    description: 'Count of sessions by start time',
    format: 'count',
    type: 'count',
    source: 'livestreams',
    expr: 'l.id',
    additive: true,
  },
  {
    name: 'live_hours',
    label: 'Live hours',
    description: 'Σ duration_s / 3600',
    format: 'number',
    type: 'sum',
    source: 'livestreams',
    expr: 'l.duration_s / 3600.0',
    additive: true,
  },
  sessionSum('live_gmv', 'Live GMV', 'gmv', 'money'),
  sessionSum('live_impressions', 'LIVE impressions', 'impressions'),
  sessionSum('views', 'Views', 'views'),
  sessionSum('viewers', 'Viewers', 'viewers'),
  sessionSum('likes', 'Likes', 'likes'),
  sessionSum('comments', 'Comments', 'comments'),
  sessionSum('shares', 'Shares', 'shares'),
  sessionSum('new_followers', 'New followers', 'new_followers'),
  sessionSum('live_product_clicks', 'Live product clicks', 'product_clicks'),
  sessionSum('live_product_impressions', 'Live product impressions', 'product_impressions'),
  sessionSum('live_orders', 'Live orders', 'orders'),
  sessionSum('live_buyers', 'Live buyers', 'buyers'),
  {
    name: 'peak_viewers',
    label: 'Peak viewers',
    description: 'Highest peak concurrent viewers over sessions',
    format: 'count',
    type: 'max',
    source: 'livestreams',
    expr: 'l.peak_viewers',
    additive: false,
  },
  {
    name: 'view_seconds',
    label: 'Viewing seconds',
    description: 'Σ(avg_view_duration_s × views), the weight behind the average view duration',
    format: 'number',
    type: 'sum',
    source: 'livestreams',
    expr: 'CASE WHEN l.views IS NOT NULL THEN l.avg_view_duration_s * l.views END',
    additive: true,
    internal: true,
  },
  {
    name: 'engagements',
    label: 'Engagements',
    description: 'Σ(likes + comments + shares) over sessions',
    format: 'count',
    type: 'sum',
    source: 'livestreams',
    expr: 'coalesce(l.likes, 0) + coalesce(l.comments, 0) + coalesce(l.shares, 0)',
    additive: true,
  },
  {
    name: 'live_sellers',
    label: 'Live sellers',
    description: 'Distinct sellers with at least one session',
    format: 'count',
    type: 'countDistinct',
    source: 'livestreams',
    expr: 'l.seller_id',
    additive: false,
  },
  share('live_gmv_share', 'Live GMV share', 'live_gmv', 'gmv', 'Live GMV / GMV'),
  ratio('avg_view_duration_s', 'Avg. view duration', 'view_seconds', 'views', 'Σ(avg_view_duration_s × views) / Σ views', 'duration'),
  ratio('engagement_rate', 'Engagement rate', 'engagements', 'views', '(likes + comments + shares) / views'),
  ratio('like_rate', 'Like rate', 'likes', 'views', 'likes / views'),
  ratio('comment_rate', 'Comment rate', 'comments', 'views', 'comments / views'),
  ratio('share_rate', 'Share rate', 'shares', 'views', 'shares / views'),
  ratio('follow_rate', 'Follow rate', 'new_followers', 'viewers', 'new followers / viewers'),
  ratio('live_view_rate', 'LIVE view rate', 'views', 'live_impressions', 'views / LIVE impressions (how often a room shown in the feed is entered)'),
  ratio('ctr', 'LIVE CTR', 'live_product_clicks', 'views', 'product clicks / views'),
  share('product_ctr', 'Product CTR', 'live_product_clicks', 'live_product_impressions', 'product clicks / product impressions'),
  ratio('ctor', 'CTOR', 'live_orders', 'live_product_clicks', 'live orders / product clicks'),
  share('live_conversion', 'Live conversion', 'live_buyers', 'viewers', 'live buyers / viewers'),
  ratio('live_aov', 'Live AOV', 'live_gmv', 'live_orders', 'live GMV / live orders', 'money'),
  ratio('gpm', 'GPM', 'live_gmv', 'views', 'live GMV / views × 1000 (watch GPM)', 'money', 1000),
  share(
    'seller_adoption_rate',
    'Seller adoption rate',
    'live_sellers',
    'engaged_sellers',
    'Sellers with at least one livestream / sellers active in the period (GMV > 0 or a livestream)',
  ),
  ratio('gmv_per_live_hour', 'GMV per live hour', 'live_gmv', 'live_hours', 'live GMV / live hours', 'money'),
];
