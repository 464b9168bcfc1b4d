// `/api/livestreams…`: the session list, the leaderboard, the filter options, one session with its
// benchmarks, its minute timeline and pinned notes. The server computes every rate, percentile,
// rating and sentence; the pages only format and lay them out.
import { apiDelete, apiGet, apiSend } from '../../ui/api';
import type { ValueFormat } from '../../ui/format';
import type { HostQualityTrend } from './reviews/HostQualityCard';
import type { QualityScore } from './reviews/reviews-api';

export interface DateRange {
  from: string;
  to: string;
}

export interface LivestreamPeriod {
  period: string;
  asOf: string | null;
  current: DateRange;
}

export interface SessionRow {
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
  start_date: string;
  duration_s: number | null;
  band: string;
  views: number | null;
  live_gmv: number | null;
  live_orders: number | null;
  engagement_rate: number | null;
  ctr: number | null;
  ctor: number | null;
  live_conversion: number | null;
  gpm: number | null;
  gmv_per_live_hour: number | null;
  avg_view_duration_s: number | null;
  follow_rate: number | null;
  peer_score: number | null;
  /** Reviews of the session (0: not reviewed). */
  reviews: number;
  /** Mean weighted rubric score of its reviews, 0–100. */
  rubric_score: number | null;
  /** Rubric and peer score combined, 0–100. */
  quality_score: number | null;
}

export interface SessionList {
  period: LivestreamPeriod;
  currency: string;
  sort: { column: string; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
  total: number;
  rows: SessionRow[];
}

export interface Leaderboard {
  period: LivestreamPeriod;
  currency: string;
  minViews: number | null;
  boards: { metric: 'gpm' | 'gmv_per_live_hour'; label: string; rows: SessionRow[] }[];
}

export interface ListOptions {
  subcategories: { id: string; name: string }[];
  bands: { band: string; label: string }[];
  sorts: string[];
}

export type Rating = 'good' | 'warning' | 'bad';

export interface Benchmark {
  metric: string;
  label: string;
  description: string;
  format: ValueFormat;
  scored: boolean;
  value: number | null;
  peerMedian: number | null;
  percentile: number | null;
  peers: number;
  rating: Rating | null;
}

export interface DecompositionStep {
  key: string;
  label: string;
  metric: string;
  value: number | null;
  peerMedian: number | null;
  percentile: number | null;
  gmvAtMedian: number | null;
  gain: number | null;
}

export interface HostTrend {
  sellerId: string;
  host: string;
  weeks: { week: string; sessions: number; score: number | null }[];
  slope: number | null;
  direction: 'rising' | 'falling' | 'steady' | null;
}

export interface SessionDetail {
  /** The figures before the latest data change, while the new ones are computed (the page asks again). */
  refreshing: boolean;
  session: {
    id: string;
    title: string | null;
    seller_id: string;
    seller_name: string;
    subcategory: string | null;
    subcategory_name: string | null;
    host: string | null;
    started_at: string;
    started_local: string;
    ended_at: string | null;
    start_date: string;
    duration_s: number | null;
    peak_viewers: number | null;
    products_count: number | null;
  };
  currency: string;
  peerGroup: {
    subcategory: string | null;
    subcategoryName: string | null;
    band: string;
    bandLabel: string;
    from: string;
    to: string;
    peers: number;
  };
  peerScore: number | null;
  scoreBand: string | null;
  funnel: { metric: string; label: string; format: ValueFormat; value: number | null }[];
  benchmarks: Benchmark[];
  decomposition: { steps: DecompositionStep[]; weakest: string | null; sentence: string };
  hostTrend: HostTrend | null;
  minutes: number;
  reviews: number;
  rubricScore: number | null;
  quality: QualityScore;
  hostQuality: HostQualityTrend | null;
}

export interface TimelineMinute {
  minute: number;
  viewers_online: number | null;
  enters: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  product_clicks: number | null;
  orders: number | null;
  gmv: number | null;
}

export interface TimelineEvent {
  kind: 'peak' | 'drop_off';
  minute: number;
  fromMinute: number;
  viewers: number;
  change: number;
  share: number;
  label: string;
}

export interface MinuteNote {
  id: number;
  livestreamId: string;
  minute: number;
  body: string;
  createdBy: string;
  createdAt: string;
}

export interface Timeline {
  livestreamId: string;
  startedAt: string;
  durationS: number | null;
  minutes: TimelineMinute[];
  events: TimelineEvent[];
  notes: MinuteNote[];
}

const sessionPath = (id: string) => `/api/livestreams/${encodeURIComponent(id)}`;

export const fetchSessions = (query: string, signal?: AbortSignal) =>
  apiGet<SessionList>(`/api/livestreams${query ? `?${query}` : ''}`, signal);
export const fetchLeaderboard = (query: string, signal?: AbortSignal) =>
  apiGet<Leaderboard>(`/api/livestreams/leaderboard${query ? `?${query}` : ''}`, signal);
export const fetchListOptions = (signal?: AbortSignal) =>
  apiGet<ListOptions>('/api/livestreams/options', signal);
export const fetchSession = (id: string, signal?: AbortSignal) =>
  apiGet<SessionDetail>(sessionPath(id), signal);
export const fetchTimeline = (id: string, signal?: AbortSignal) =>
  apiGet<Timeline>(`${sessionPath(id)}/timeline`, signal);
export const pinNote = (id: string, note: { minute: number; body: string }) =>
  apiSend<{ note: MinuteNote }>('POST', `${sessionPath(id)}/notes`, note);
export const deleteNote = (id: string, noteId: number) => apiDelete(`${sessionPath(id)}/notes/${noteId}`);
