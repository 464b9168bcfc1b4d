/** Request and response shapes of the livestream routes (OpenAPI docs and serialisation). */
import { z } from 'zod';
import { PERIOD_PRESETS } from '../../core/kpis/periods.ts';
import { MAX_PAGE_SIZE } from '../../core/livestreams/session-list.ts';
import { SCORE_BAND_NAMES } from '../../core/livestreams/session-metrics.ts';
import { MAX_NOTE_LENGTH } from '../../core/livestreams/minute-notes.ts';
import { QUALITY_BAND_NAMES } from '../../core/livestreams/reviews/review-scores.sql.ts';

const text = z.string().nullable();
const value = z.number().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** `a,b,c` → ['a', 'b', 'c'] (blank parts dropped). */
const list = z
  .string()
  .max(4000)
  .transform((v) => v.split(',').map((part) => part.trim()).filter(Boolean));

export const periodQuery = z.object({
  period: z.enum(PERIOD_PRESETS).optional(),
  from: date.optional(),
  to: date.optional(),
});

export const listQuery = periodQuery.extend({
  seller: list.optional(),
  subcategory: list.optional(),
  host: list.optional(),
  q: z.string().max(200).optional(),
  band: list.pipe(z.array(z.enum(SCORE_BAND_NAMES as [string, ...string[]]))).optional(),
  reviewed: z.enum(['yes', 'no']).optional(),
  scoreBand: list.pipe(z.array(z.enum(QUALITY_BAND_NAMES as [string, ...string[]]))).optional(),
  sort: z.string().max(40).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const leaderboardQuery = periodQuery.extend({
  subcategory: list.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export const sessionId = z.object({ id: z.string().min(1).max(200) });
export const noteParams = sessionId.extend({ noteId: z.coerce.number().int().positive() });
export const noteInput = z.object({
  minute: z.number().int().min(0).max(100_000),
  body: z.string().max(MAX_NOTE_LENGTH),
});

const period = z.object({
  period: z.string(),
  asOf: text,
  current: z.object({ from: z.string(), to: z.string() }),
});

export const listRow = z.object({
  id: z.string(),
  title: text,
  seller_id: z.string(),
  seller_name: z.string(),
  subcategory: text,
  subcategory_name: text,
  host: text,
  started_at: z.string(),
  started_local: z.string(),
  start_date: z.string(),
  duration_s: value,
  band: z.string(),
  views: value,
  live_gmv: value,
  live_orders: value,
  engagement_rate: value,
  ctr: value,
  ctor: value,
  live_conversion: value,
  gpm: value,
  gmv_per_live_hour: value,
  avg_view_duration_s: value,
  follow_rate: value,
  peer_score: value,
  reviews: z.number(),
  rubric_score: value,
  quality_score: value,
});

export const listResponse = z.object({
  period,
  currency: z.string(),
  sort: z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  rows: z.array(listRow),
});

export const leaderboardResponse = z.object({
  period,
  currency: z.string(),
  minViews: value,
  boards: z.array(z.object({ metric: z.string(), label: z.string(), rows: z.array(listRow) })),
});

export const optionsResponse = z.object({
  subcategories: z.array(z.object({ id: z.string(), name: z.string() })),
  bands: z.array(z.object({ band: z.string(), label: z.string() })),
  qualityBands: z.array(z.object({ band: z.string(), label: z.string() })),
  sorts: z.array(z.string()),
});

export const qualityScore = z.object({
  score: value,
  basis: z.enum(['rubric_and_peers', 'rubric', 'peers']).nullable(),
  rubric: value,
  peers: value,
  weights: z.object({ rubric: z.number(), peers: z.number() }),
});

export const hostQualityTrend = z.object({
  sellerId: z.string(),
  host: z.string(),
  weeks: z.array(z.object({ week: z.string(), sessions: z.number(), reviewed: z.number(), rubric: value, peers: value, quality: value })),
  slope: value,
  direction: z.enum(['rising', 'falling', 'steady']).nullable(),
});

const format = z.enum(['money', 'count', 'rate', 'duration', 'number']);
const rating = z.enum(['good', 'warning', 'bad']).nullable();

export const detailResponse = z.object({
  /** The previous figures, while the ones after the latest data change are computed: ask again shortly. */
  refreshing: z.boolean(),
  session: z.object({
    id: z.string(),
    title: text,
    seller_id: z.string(),
    seller_name: z.string(),
    subcategory: text,
    subcategory_name: text,
    host: text,
    started_at: z.string(),
    started_local: z.string(),
    ended_at: text,
    start_date: z.string(),
    duration_s: value,
    peak_viewers: value,
    products_count: value,
  }),
  currency: z.string(),
  peerGroup: z.object({
    subcategory: text,
    subcategoryName: text,
    band: z.string(),
    bandLabel: z.string(),
    from: z.string(),
    to: z.string(),
    peers: z.number(),
  }),
  peerScore: value,
  scoreBand: z.string().nullable(),
  funnel: z.array(z.object({ metric: z.string(), label: z.string(), format, value })),
  benchmarks: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      description: z.string(),
      format,
      scored: z.boolean(),
      value,
      peerMedian: value,
      percentile: value,
      peers: z.number(),
      rating,
    }),
  ),
  decomposition: z.object({
    steps: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        metric: z.string(),
        value,
        peerMedian: value,
        percentile: value,
        gmvAtMedian: value,
        gain: value,
      }),
    ),
    weakest: z.string().nullable(),
    sentence: z.string(),
  }),
  hostTrend: z
    .object({
      sellerId: z.string(),
      host: z.string(),
      weeks: z.array(z.object({ week: z.string(), sessions: z.number(), score: value })),
      slope: value,
      direction: z.enum(['rising', 'falling', 'steady']).nullable(),
    })
    .nullable(),
  minutes: z.number(),
  reviews: z.number(),
  rubricScore: value,
  quality: qualityScore,
  hostQuality: hostQualityTrend.nullable(),
});

export const minuteNote = z.object({
  id: z.number(),
  livestreamId: z.string(),
  minute: z.number(),
  body: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const timelineResponse = z.object({
  livestreamId: z.string(),
  startedAt: z.string(),
  durationS: value,
  minutes: z.array(
    z.object({
      minute: z.number(),
      viewers_online: value,
      enters: value,
      likes: value,
      comments: value,
      shares: value,
      product_clicks: value,
      orders: value,
      gmv: value,
    }),
  ),
  events: z.array(
    z.object({
      kind: z.enum(['peak', 'drop_off']),
      minute: z.number(),
      fromMinute: z.number(),
      viewers: z.number(),
      change: z.number(),
      share: z.number(),
      label: z.string(),
    }),
  ),
  notes: z.array(minuteNote),
});
