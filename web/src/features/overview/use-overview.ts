import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchOverview, type OverviewPeriod } from './overview-api';

/** While another period loads, the previous numbers stay on screen (marked as placeholder). */
export function useOverview(days: OverviewPeriod) {
  return useQuery({
    queryKey: ['overview', days],
    queryFn: ({ signal }) => fetchOverview(days, signal),
    placeholderData: keepPreviousData,
  });
}
