// The Overview's period and comparison, read from and written to the URL (see overview-view.ts).
// Changes replace the history entry: flicking through periods should not fill the back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readOverviewView, writeOverviewView, type OverviewView } from './overview-view';

export function useOverviewView(): [OverviewView, (next: OverviewView) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // Keyed by the query text: the same URL gives the same view object.
  const view = useMemo(() => readOverviewView(new URLSearchParams(query)), [query]);
  const setView = useCallback(
    (next: OverviewView) => setParams((current) => writeOverviewView(current, next), { replace: true }),
    [setParams],
  );
  return [view, setView];
}
