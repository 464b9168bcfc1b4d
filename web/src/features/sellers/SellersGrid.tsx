// The Sellers grid (AG Grid community, infinite row model): the grid asks for blocks of rows as the
// user scrolls, and the server sorts, filters and pages — so 100,000 sellers cost one page of rows
// at a time. Sorting a column writes the sort into the URL (the page's view); the quick filters and
// the period come in as `view` and start a fresh datasource. Selection (managers) feeds bulk owner
// assignment.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  RowSelectionModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type SelectionChangedEvent,
  type SortChangedEvent,
} from 'ag-grid-community';
import { Group } from '@mantine/core';
import { ApiError } from '../../ui/api';
import { RefreshingBadge } from '../../ui/refreshing';
import { FONT_STACK } from '../../ui/tokens';
import { fetchSellers, type SellerList, type SellerRow } from './sellers-api';
import {
  sellersApiQuery,
  sellerPeriodQuery,
  SORTABLE,
  type SellersView,
  type SortColumn,
} from './sellers-view';
import { sellerColumns, type GridContext } from './seller-columns';
import classes from './SellersPage.module.css';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  RowSelectionModule,
  ColumnApiModule,
  CellStyleModule,
  TooltipModule,
  // Full error messages while developing; the build leaves them out.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

const BLOCK_SIZE = 100;

const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  accentColor: '#3b5bdb',
  borderColor: '#e9ecef',
  headerBackgroundColor: '#f8f9fa',
  rowHoverColor: '#f1f3ff',
  selectedRowBackgroundColor: '#e7ebff',
  rowHeight: 44,
  headerHeight: 40,
  wrapperBorderRadius: 8,
});

export interface SellersGridProps {
  view: SellersView;
  currency: string;
  selectable: boolean;
  onSortChange: (sort: SortColumn, dir: 'asc' | 'desc') => void;
  onSelectionChange: (ids: string[]) => void;
  /** The first block of every new view: total and period for the header. */
  onLoaded: (first: SellerList) => void;
  onError: (error: unknown) => void;
  /** Bumped by the page to reload the rows (after assigning owners). */
  reloadToken: number;
}

function isSortable(colId: string): colId is SortColumn {
  return (SORTABLE as readonly string[]).includes(colId);
}

export function SellersGrid({
  view,
  currency,
  selectable,
  onSortChange,
  onSelectionChange,
  onLoaded,
  onError,
  reloadToken,
}: SellersGridProps) {
  const api = useRef<GridApi<SellerRow> | null>(null);
  const [ready, setReady] = useState(false);
  // Right after an import a large workspace answers from the previous figures (`refreshing`): the
  // grid says so and asks again every second until the new ones are there.
  const [refreshing, setRefreshing] = useState(false);
  const again = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (again.current) clearTimeout(again.current);
    },
    [],
  );
  const callbacks = useRef({ onLoaded, onError });
  callbacks.current = { onLoaded, onError };

  // Everything but the sort: a change of period or filters is a new datasource; a sort change is
  // handled by the grid itself (it asks again with the new sort model).
  const { sort, dir } = view;
  const baseKey = sellersApiQuery({ ...view, sort: 'gmv', dir: 'desc' });
  const datasource = useMemo<IDatasource>(() => {
    const base = view;
    return {
      getRows: (params) => {
        const first = params.sortModel[0];
        const sortColumn = first && isSortable(first.colId) ? first.colId : base.sort;
        const direction = first ? first.sort : base.dir;
        const page = Math.floor(params.startRow / BLOCK_SIZE) + 1;
        fetchSellers(
          sellersApiQuery({ ...base, sort: sortColumn, dir: direction }, { page, pageSize: BLOCK_SIZE }),
        )
          .then((result) => {
            if (page === 1) callbacks.current.onLoaded(result);
            params.successCallback(result.rows, result.total);
            setRefreshing(result.refreshing);
            if (result.refreshing && !again.current) {
              again.current = setTimeout(() => {
                again.current = null;
                api.current?.refreshInfiniteCache();
              }, 1000);
            }
          })
          .catch((error: unknown) => {
            params.failCallback();
            if (!(error instanceof ApiError) || !error.isUnauthenticated) callbacks.current.onError(error);
          });
      },
    };
    // Keyed by the view's query text (not the object, which is new on every render).
  }, [baseKey, reloadToken]);

  // A sort that arrives through the URL (a saved view, the Overview's link) is shown by the grid.
  useEffect(() => {
    const grid = api.current;
    if (!grid || !ready) return;
    const current = grid.getColumnState().find((column) => column.sort);
    if (current?.colId === sort && current.sort === dir) return;
    grid.applyColumnState({ state: [{ colId: sort, sort: dir }], defaultState: { sort: null } });
  }, [sort, dir, ready]);

  const columns = useMemo<ColDef<SellerRow>[]>(() => sellerColumns(currency), [currency]);
  const periodQuery = sellerPeriodQuery(view);
  const context = useMemo<GridContext>(() => ({ periodQuery }), [periodQuery]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<SellerRow>) => {
      api.current = event.api;
      event.api.applyColumnState({ state: [{ colId: sort, sort: dir }], defaultState: { sort: null } });
      setReady(true);
    },
    // Only the first sort is applied here; later ones go through the effect above.
    [],
  );

  const onSortChanged = useCallback(
    (event: SortChangedEvent<SellerRow>) => {
      const sorted = event.api.getColumnState().find((column) => column.sort);
      if (sorted && isSortable(sorted.colId) && sorted.sort) onSortChange(sorted.colId, sorted.sort);
    },
    [onSortChange],
  );

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<SellerRow>) =>
      onSelectionChange(event.api.getSelectedRows().map((row) => row.id)),
    [onSelectionChange],
  );

  return (
    <>
      {refreshing ? (
        <Group justify="flex-end" mb={6}>
          <RefreshingBadge refreshing />
        </Group>
      ) : null}
      <div className={classes.grid} data-testid="sellers-grid">
        <AgGridReact<SellerRow>
          theme={gridTheme}
          context={context}
          columnDefs={columns}
          defaultColDef={{
            sortable: false,
            resizable: true,
            suppressMovable: true,
            sortingOrder: ['desc', 'asc'],
          }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK_SIZE}
          maxBlocksInCache={20}
          infiniteInitialRowCount={BLOCK_SIZE}
          getRowId={(params) => params.data.id}
          selectionColumnDef={{ pinned: 'left', width: 44, resizable: false }}
          rowSelection={
            selectable
              ? { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }
              : undefined
          }
          onGridReady={onGridReady}
          onSortChanged={onSortChanged}
          onSelectionChanged={onSelectionChanged}
          tooltipShowDelay={300}
          suppressCellFocus
          animateRows={false}
        />
      </div>
    </>
  );
}
