import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from './health-api';

/** Re-checked every minute so a stopped server shows up in the header without a reload. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 60_000,
  });
}
