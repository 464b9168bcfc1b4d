// React-query hooks for segments. A threshold change or a recompute re-tiers sellers and rebuilds
// the opportunities, so both lists (and the sellers grid, which shows tiers) reload.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSegments, recomputeSegments, saveTierThresholds, type TierThresholds } from './segments-api';

const segmentsKey = ['segments'] as const;

export function useSegments() {
  return useQuery({ queryKey: segmentsKey, queryFn: ({ signal }) => fetchSegments(signal) });
}

function useSegmentMutation<A, R>(work: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: work,
    onSuccess: () => Promise.all([segmentsKey, ['opportunities'], ['sellers'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useSaveTierThresholds = () => useSegmentMutation((thresholds: TierThresholds) => saveTierThresholds(thresholds));
export const useRecomputeSegments = () => useSegmentMutation(() => recomputeSegments());
