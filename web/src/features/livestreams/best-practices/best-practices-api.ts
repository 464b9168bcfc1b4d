// `/api/livestreams/best-practices` and `/api/sellers/<id>/improvement-areas`: the server ranks the
// sessions, compares the groups and writes every sentence; the page formats and lays them out.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { apiGet } from '../../../ui/api';

export type Strength = 'strong' | 'moderate' | 'weak';
export type Size = 'negligible' | 'small' | 'medium' | 'large';
export type FindingFormat = 'money' | 'count' | 'rate' | 'duration' | 'number' | 'hours' | 'score';
export type Outcome = 'gpm' | 'gmv_per_live_hour';

export interface NumericFinding {
  kind: 'habit' | 'interaction' | 'rubric';
  key: string;
  label: string;
  format: FindingFormat;
  topMedian: number | null;
  restMedian: number | null;
  change: number | null;
  superiority: number;
  direction: 'higher' | 'lower' | 'same';
  behaviour: string;
  effect: number;
  size: Size;
  z: number;
  strength: Strength;
  topSessions: number;
  restSessions: number;
  sentence: string;
}

export interface ShareFinding {
  kind: 'start_hour' | 'tag';
  key: string;
  label: string;
  tagKind: 'best_practice' | 'issue' | 'workflow' | null;
  topShare: number;
  restShare: number;
  difference: number;
  size: Size;
  z: number;
  strength: Strength;
  topSessions: number;
  restSessions: number;
  sentence: string;
}

export interface PracticeExample {
  reviewId: number;
  livestreamId: string;
  title: string | null;
  sellerId: string;
  sellerName: string;
  host: string | null;
  startDate: string;
  reviewer: string;
  practices: string[];
  notes: string | null;
  rubricScore: number | null;
  topQuartile: boolean | null;
}

export interface BestPractices {
  from: string;
  to: string;
  asOf: string | null;
  currency: string;
  outcome: Outcome;
  outcomeLabel: string;
  subcategory: string | null;
  sessions: { all: number; unranked: number; top: number; rest: number; reviewedTop: number; reviewedRest: number };
  subcategories: {
    subcategory: string | null;
    subcategoryName: string | null;
    sessions: number;
    ranked: number;
    included: boolean;
    topSessions: number;
    topThreshold: number | null;
  }[];
  habits: NumericFinding[];
  interactions: NumericFinding[];
  rubric: NumericFinding[];
  startHours: ShareFinding[];
  tags: ShareFinding[];
  highlights: string[];
  examples: PracticeExample[];
}

export interface ImprovementArea {
  kind: 'funnel' | 'practice' | 'rubric';
  key: string;
  label: string;
  headline: string;
  evidence: string;
  action: string;
  upside: number | null;
  percentile: number | null;
  sellerValue: number | null;
  benchmark: number | null;
  format: FindingFormat;
  sessions: number;
}

export interface ImprovementAreas {
  sellerId: string;
  sellerName: string;
  subcategory: string | null;
  subcategoryName: string | null;
  from: string;
  to: string;
  currency: string;
  sessions: number;
  liveGmv: number;
  areas: ImprovementArea[];
  note: string | null;
}

export const fetchBestPractices = (query: string, signal?: AbortSignal) =>
  apiGet<BestPractices>(`/api/livestreams/best-practices${query ? `?${query}` : ''}`, signal);

export const fetchImprovementAreas = (sellerId: string, signal?: AbortSignal) =>
  apiGet<ImprovementAreas>(`/api/sellers/${encodeURIComponent(sellerId)}/improvement-areas`, signal);

export function useBestPractices(query: string) {
  return useQuery({
    queryKey: ['livestreams', 'best-practices', query],
    queryFn: ({ signal }) => fetchBestPractices(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImprovementAreas(sellerId: string) {
  return useQuery({
    queryKey: ['livestreams', 'improvement-areas', sellerId],
    queryFn: ({ signal }) => fetchImprovementAreas(sellerId, signal),
  });
}
