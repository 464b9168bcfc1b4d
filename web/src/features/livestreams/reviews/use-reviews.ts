// react-query hooks of the review work. Saving or deleting a review refreshes the session's
// reviews, the session (its quality score), the lists (reviewed flag, score) and the queue.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteReview,
  fetchActiveRubric,
  fetchCalibration,
  fetchQueue,
  fetchReviewOptions,
  fetchRubricVersions,
  fetchSessionReviews,
  saveReview,
  saveRubric,
  type ReviewInput,
  type RubricCriterion,
} from './reviews-api';

export function useSessionReviews(id: string) {
  return useQuery({ queryKey: ['reviews', 'session', id], queryFn: ({ signal }) => fetchSessionReviews(id, signal) });
}

export function useReviewOptions() {
  return useQuery({ queryKey: ['reviews', 'options'], queryFn: ({ signal }) => fetchReviewOptions(signal), staleTime: 10 * 60_000 });
}

export function useActiveRubric(enabled = true) {
  return useQuery({ queryKey: ['rubrics', 'active'], queryFn: ({ signal }) => fetchActiveRubric(signal), enabled });
}

export function useRubricVersions() {
  return useQuery({ queryKey: ['rubrics', 'versions'], queryFn: ({ signal }) => fetchRubricVersions(signal) });
}

export function useReviewQueue(range: { from: string | null; to: string | null }) {
  return useQuery({ queryKey: ['reviews', 'queue', range.from, range.to], queryFn: ({ signal }) => fetchQueue(range, signal) });
}

export function useCalibration(flagged: boolean) {
  return useQuery({ queryKey: ['reviews', 'calibration', flagged], queryFn: ({ signal }) => fetchCalibration(flagged, signal) });
}

function useRefreshAfterReview(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['reviews'] }),
      client.invalidateQueries({ queryKey: ['livestreams', 'session', id] }),
      client.invalidateQueries({ queryKey: ['livestreams', 'list'] }),
      client.invalidateQueries({ queryKey: ['rubrics'] }),
    ]);
}

export function useSaveReview(id: string) {
  const refresh = useRefreshAfterReview(id);
  return useMutation({ mutationFn: (input: ReviewInput) => saveReview(id, input), onSuccess: refresh });
}

export function useDeleteReview(id: string) {
  const refresh = useRefreshAfterReview(id);
  return useMutation({ mutationFn: (reviewId: number) => deleteReview(reviewId), onSuccess: refresh });
}

export function useSaveRubric() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (criteria: RubricCriterion[]) => saveRubric(criteria),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rubrics'] }),
  });
}
