// The Overview's period and comparison, read from and written to the URL (see overview-view.ts).
// Changes replace the history entry: flicking through periods should not fill the back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readOverviewView, writeOverviewView, type OverviewView } from './overview-view';

/** A new view, or a change to apply to the view the URL holds at that moment. */
export type OverviewViewUpdate = OverviewView | ((current: OverviewView) => OverviewView);

export function useOverviewView(): [OverviewView, (update: OverviewViewUpdate) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // Keyed by the query text: the same URL gives the same view object.
  const view = useMemo(() => readOverviewView(new URLSearchParams(query)), [query]);
  // An updater reads the URL as it is when applied, not the view of the last render: two quick
  // edits (the first day, then the last) must not have the second write the first one back.
  const setView = useCallback(
    (update: OverviewViewUpdate) =>
      setParams((current) => writeOverviewView(current, typeof update === 'function' ? update(readOverviewView(current)) : update), { replace: true }),
    [setParams],
  );
  return [view, setView];
}
