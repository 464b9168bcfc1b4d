import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { refetchWhileRefreshing } from '../../ui/refreshing';
import { fetchOverview } from './overview-api';
import { customRangeProblem, overviewQueryString, type OverviewView } from './overview-view';

/**
 * The Overview for a view. While another view loads (or a custom range is half chosen) the last
 * numbers stay on screen, marked as placeholder, instead of the page going blank.
 */
export function useOverview(view: OverviewView) {
  return useQuery({
    queryKey: ['overview', overviewQueryString(view)],
    queryFn: ({ signal }) => fetchOverview(view, signal),
    enabled: customRangeProblem(view) === null,
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileRefreshing,
  });
}
