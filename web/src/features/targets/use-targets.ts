import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteTarget, fetchTargetOptions, fetchTargetProgress, importTargetSheet, saveTargets } from './targets-api';

const targetsKey = ['targets'] as const;

export function useTargetOptions() {
  return useQuery({ queryKey: [...targetsKey, 'options'], queryFn: ({ signal }) => fetchTargetOptions(signal), staleTime: 60_000 });
}

export function useTargetProgress(period: string | null) {
  return useQuery({
    queryKey: [...targetsKey, 'progress', period],
    queryFn: ({ signal }) => fetchTargetProgress(period ?? '', signal),
    enabled: period !== null,
    placeholderData: (previous) => previous,
  });
}

/** Every change refreshes every targets query (progress of any period, and the Overview's use). */
function useTargetsMutation<A, R>(work: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: work,
    onSuccess: async () => {
      // The Overview's tiles show target progress too.
      await Promise.all([queryClient.invalidateQueries({ queryKey: targetsKey }), queryClient.invalidateQueries({ queryKey: ['overview'] })]);
    },
  });
}

export const useSaveTargets = () => useTargetsMutation(saveTargets);
export const useDeleteTarget = () => useTargetsMutation(deleteTarget);
export const useImportTargets = () => useTargetsMutation(importTargetSheet);
