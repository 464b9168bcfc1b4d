// `/api/reviews…` and `/api/rubrics…`: a session's reviews with agreement and quality score, the
// reviewer's own review (PUT creates or updates it), the review queue, calibration, the tag catalog
// and the rubric versions. The server validates and scores; the pages lay it out.
import { apiDelete, apiGet, apiSend, withQuery } from '../../../ui/api';

export type RubricLevel = '1' | '2' | '3' | '4' | '5';
export const LEVELS: readonly RubricLevel[] = ['1', '2', '3', '4', '5'];

export interface RubricCriterion {
  key: string;
  label: string;
  weight: number;
  anchors: Record<RubricLevel, string>;
}

export interface Rubric {
  id: number;
  version: number;
  criteria: RubricCriterion[];
  isActive: boolean;
  createdBy: string;
  createdAt: string;
  reviews: number;
}

export interface Review {
  id: number;
  livestreamId: string;
  rubricId: number;
  rubricVersion: number;
  reviewer: string;
  scores: Record<string, number>;
  notes: string | null;
  tags: string[];
  score: number;
  score100: number;
  createdAt: string;
  updatedAt: string;
}

export interface QualityScore {
  score: number | null;
  basis: 'rubric_and_peers' | 'rubric' | 'peers' | null;
  rubric: number | null;
  peers: number | null;
  weights: { rubric: number; peers: number };
}

export interface CriterionAgreement {
  key: string;
  label: string;
  reviewers: number;
  min: number;
  max: number;
  spread: number;
  flagged: boolean;
  levels: { reviewer: string; level: number }[];
}

export interface SessionReviews {
  livestreamId: string;
  reviews: Review[];
  rubricScore: number | null;
  quality: QualityScore;
  agreement: { reviewers: number; maxSpread: number | null; flagged: boolean; criteria: CriterionAgreement[] };
}

export interface ReviewTag {
  key: string;
  label: string;
  kind: 'best_practice' | 'issue' | 'workflow';
  criterion: string | null;
  description: string;
}

export interface ReviewOptions {
  tags: ReviewTag[];
  disagreePoints: number;
  qualityWeights: { rubric: number; peers: number };
  qualityBands: { band: string; label: string }[];
  maxNotes: number;
}

export interface QueueRow {
  id: string;
  title: string | null;
  sellerId: string;
  sellerName: string;
  tier: string | null;
  host: string | null;
  startDate: string;
  startedLocal: string;
  durationS: number | null;
  liveGmv: number | null;
  views: number | null;
  peerScore: number | null;
}

export interface ReviewQueue {
  from: string;
  to: string;
  tiers: string[];
  currency: string;
  total: number;
  reviewed: number;
  rows: QueueRow[];
}

export interface CalibrationSession {
  livestreamId: string;
  title: string | null;
  sellerName: string;
  host: string | null;
  startedLocal: string;
  reviewers: string[];
  scores100: number[];
  maxSpread: number;
  flagged: boolean;
  flaggedCriteria: string[];
}

export interface Calibration {
  disagreePoints: number;
  sessions: CalibrationSession[];
  reviewers: { reviewer: string; sharedSessions: number; meanOffset: number | null; disagreements: number }[];
}

export interface ReviewInput {
  scores: Record<string, number>;
  notes: string | null;
  tags: string[];
}

const sessionPath = (id: string) => `/api/reviews/sessions/${encodeURIComponent(id)}`;

export const fetchSessionReviews = (id: string, signal?: AbortSignal) => apiGet<SessionReviews>(sessionPath(id), signal);
export const saveReview = (id: string, input: ReviewInput) =>
  apiSend<{ review: Review; created: boolean }>('PUT', sessionPath(id), input);
export const deleteReview = (reviewId: number) => apiDelete(`/api/reviews/${reviewId}`);
export const fetchReviewOptions = (signal?: AbortSignal) => apiGet<ReviewOptions>('/api/reviews/options', signal);
export const fetchQueue = (range: { from: string | null; to: string | null }, signal?: AbortSignal) =>
  apiGet<ReviewQueue>(withQuery('/api/reviews/queue', { from: range.from, to: range.to, limit: 100 }), signal);
export const fetchCalibration = (flagged: boolean, signal?: AbortSignal) =>
  apiGet<Calibration>(withQuery('/api/reviews/calibration', { flagged: flagged ? 'yes' : null }), signal);
export const fetchRubricVersions = (signal?: AbortSignal) => apiGet<{ versions: Rubric[] }>('/api/rubrics', signal);
export const fetchActiveRubric = (signal?: AbortSignal) => apiGet<{ rubric: Rubric }>('/api/rubrics/active', signal);
export const saveRubric = (criteria: RubricCriterion[]) => apiSend<{ rubric: Rubric }>('POST', '/api/rubrics', { criteria });
