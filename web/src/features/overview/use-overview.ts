import { useQuery } from '@tanstack/react-query';
import { fetchOverview, type OverviewPeriod } from './overview-api';

export function useOverview(days: OverviewPeriod) {
  return useQuery({
    queryKey: ['overview', days],
    queryFn: ({ signal }) => fetchOverview(days, signal),
  });
}
