// `GET /api/livestreams/:id/observed`: what the session's imported live event recording showed —
// minute timeline, totals and comment analytics, finished by the server. Observed figures differ
// from the platform's own (likes are sampled, viewers counted differently); the page says so.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../ui/api';

export interface ObservedMinute {
  minute: number;
  viewersOnline: number | null;
  enters: number;
  comments: number;
  questions: number;
  intentComments: number;
  likes: number;
  gifts: number;
  diamonds: number;
  follows: number;
  shares: number;
  productEvents: number;
}

export interface ObservedRecording {
  importId: string;
  file: string | null;
  importedAt: string;
  roomId: string | null;
  firstEventAt: string;
  lastEventAt: string;
  streamEndedAt: string | null;
  events: number;
  linesRejected: number;
  eventCounts: Record<string, number>;
}

export interface ObservedTotals {
  comments: number;
  questions: number;
  questionShare: number | null;
  intentComments: number;
  intentShare: number | null;
  commentsPerMinute: number | null;
  enters: number;
  peakViewers: number | null;
  likesInEvents: number;
  likesTotalReported: number | null;
  gifts: number;
  diamonds: number;
  follows: number;
  shares: number;
  productEvents: number;
}

export interface ObservedProduct {
  title: string;
  price: number | null;
  shop: string | null;
  source: 'stream' | 'catalog';
  shoppingEvents: number;
  firstMinute: number | null;
  mentions: number;
}

export interface ObservedSession {
  livestreamId: string;
  recording: ObservedRecording | null;
  minutes: ObservedMinute[];
  totals: ObservedTotals | null;
  sentiment: {
    positive: number;
    negative: number;
    neutral: number;
    positiveShare: number | null;
    negativeShare: number | null;
  } | null;
  intentTerms: { term: string; comments: number }[];
  products: ObservedProduct[];
  questions: { minute: number; comment: string }[];
}

export function fetchObserved(id: string, signal?: AbortSignal): Promise<ObservedSession> {
  return apiGet<ObservedSession>(`/api/livestreams/${encodeURIComponent(id)}/observed`, signal);
}

export function useObserved(id: string) {
  return useQuery({
    queryKey: ['livestreams', 'observed', id],
    queryFn: ({ signal }) => fetchObserved(id, signal),
  });
}
