// The compared period lives in the URL (`?days=28`) so a view can be bookmarked and shared.
import { useSearchParams } from 'react-router';
import { OVERVIEW_PERIODS, type OverviewPeriod } from './overview-api';

const DEFAULT_PERIOD: OverviewPeriod = 7;

function isPeriod(value: number): value is OverviewPeriod {
  return OVERVIEW_PERIODS.some((period) => period === value);
}

export function useOverviewPeriod(): [OverviewPeriod, (period: OverviewPeriod) => void] {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('days'));
  const period = isPeriod(requested) ? requested : DEFAULT_PERIOD;
  const setPeriod = (next: OverviewPeriod) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === DEFAULT_PERIOD) updated.delete('days');
        else updated.set('days', String(next));
        return updated;
      },
      { replace: true },
    );
  };
  return [period, setPeriod];
}
