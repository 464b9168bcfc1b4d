// The Sellers grid's view, read from and written to the URL (see sellers-view.ts). Changes replace
// the history entry: flicking through filters should not fill the back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readSellersView, sellersViewParams, type SellersView } from './sellers-view';

export function useSellersView(): [
  SellersView,
  (next: SellersView | ((current: SellersView) => SellersView)) => void,
] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const view = useMemo(() => readSellersView(new URLSearchParams(query)), [query]);
  const setView = useCallback(
    (next: SellersView | ((current: SellersView) => SellersView)) =>
      setParams(
        (current) => sellersViewParams(typeof next === 'function' ? next(readSellersView(current)) : next),
        { replace: true },
      ),
    [setParams],
  );
  return [view, setView];
}
