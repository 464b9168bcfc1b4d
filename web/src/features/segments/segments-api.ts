// `/api/segments`: Aisle's tier thresholds and how many sellers each tier, lifecycle and live
// status holds; managers change the thresholds (every seller is re-tiered at once) and recompute.
import { apiGet, apiSend } from '../../ui/api';
import type { LastRecompute } from '../opportunities/opportunities-api';

export interface TierThresholds {
  windowDays: number;
  s: number;
  a: number;
  b: number;
}

export interface SegmentCount {
  value: string;
  sellers: number;
  gmv: number;
}

export interface SegmentsOverview {
  thresholds: TierThresholds;
  defaults: TierThresholds;
  windowDaysRange: { min: number; max: number };
  counts: { tier: SegmentCount[]; lifecycle: SegmentCount[]; liveStatus: SegmentCount[] };
  lastRecompute: LastRecompute | null;
}

export function fetchSegments(signal?: AbortSignal): Promise<SegmentsOverview> {
  return apiGet<SegmentsOverview>('/api/segments', signal);
}

export function saveTierThresholds(thresholds: TierThresholds): Promise<SegmentsOverview> {
  return apiSend<SegmentsOverview>('PUT', '/api/segments/thresholds', thresholds);
}

export function recomputeSegments(): Promise<{ recompute: LastRecompute }> {
  return apiSend<{ recompute: LastRecompute }>('POST', '/api/segments/recompute', undefined);
}
