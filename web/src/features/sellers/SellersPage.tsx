// Sellers: the registry as a grid that stays fast at 100,000 sellers — the server filters, sorts
// and pages; the page keeps the view (period, quick filters, sort) in the URL, saves it per user,
// assigns owners in bulk (managers) and exports the view as a workbook. On a phone the grid becomes
// a compact list. `/sellers/<id>` opens the seller page instead.
import { lazy, Suspense, useCallback, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCountOf, formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session-context';
import { AssignOwnerModal } from './AssignOwnerModal';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SellerFilters } from './SellerFilters';
import { SellerPage } from './SellerPage';
import { SellerPeriodControls } from './SellerPeriodControls';
import { sellersExportPath, type SellerList } from './sellers-api';
import {
  activeFilterCount,
  clearFilters,
  sellersApiQuery,
  type SellersView,
  type SortColumn,
} from './sellers-view';
import { SellersPhoneList } from './SellersPhoneList';
import { useSellerOptions, useSellersPages } from './use-sellers';
import { useSellersView } from './use-sellers-view';
import classes from './SellersPage.module.css';

// AG Grid is most of this page's weight: it loads only on a desktop-sized screen.
const SellersGrid = lazy(() => import('./SellersGrid').then((module) => ({ default: module.SellersGrid })));

/** `/sellers` shows the grid, `/sellers/<id>` one seller. */
export function SellersSection() {
  const { id } = useParams();
  return id ? <SellerPage id={id} /> : <SellersPage />;
}

function describe(summary: Pick<SellerList, 'total' | 'period'> | null): string {
  if (!summary) return 'Every seller of the category with its segments, sales and livestream activity';
  const { current, previous } = summary.period;
  return `${formatCountOf(summary.total, 'seller')} · ${formatDate(current.from)} – ${formatDate(current.to)} vs ${formatDate(previous.from)} – ${formatDate(previous.to)}`;
}

export function SellersPage() {
  const [view, setView] = useSellersView();
  const options = useSellerOptions();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const canManage = useCan('manage');
  const [summary, setSummary] = useState<Pick<SellerList, 'total' | 'period'> | null>(null);
  const [gridError, setGridError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloadToken, setReloadToken] = useState(0);
  const pages = useSellersPages(view, phone);

  const shownSummary = phone ? (pages.data?.pages[0] ?? null) : summary;
  const currency = options.data?.currency ?? 'USD';
  const query = sellersApiQuery(view);
  const change = (next: SellersView) => {
    setGridError(null);
    setView(next);
  };
  const onSortChange = useCallback(
    (sort: SortColumn, dir: 'asc' | 'desc') => setView((current) => ({ ...current, sort, dir })),
    [setView],
  );
  const onLoaded = useCallback((first: SellerList) => {
    setSummary({ total: first.total, period: first.period });
    setGridError(null);
  }, []);
  const listError = phone ? pages.error : gridError;
  const noData =
    options.data !== undefined &&
    options.data.asOf === null &&
    shownSummary?.total === 0 &&
    activeFilterCount(view) === 0;

  return (
    <>
      <PageHeader
        title="Sellers"
        description={<span data-testid="sellers-summary">{describe(shownSummary)}</span>}
        actions={
          <SellerPeriodControls value={view} shown={summary?.period.current ?? null} onChange={change} />
        }
      />
      <Stack gap="sm">
        <Card padding="sm" className={classes.toolbar}>
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <SellerFilters view={view} options={options.data} onChange={change} compact={phone} />
            <Group gap="xs" wrap="nowrap" className={classes.actions}>
              <SavedViewsMenu view={view} onOpen={change} />
              {canManage && !phone ? (
                <Button
                  size="xs"
                  variant="default"
                  disabled={selected.length === 0}
                  onClick={() => setAssigning(true)}
                  data-testid="assign-owner"
                >
                  {selected.length ? `Assign owner (${selected.length})` : 'Assign owner'}
                </Button>
              ) : null}
              <Button
                size="xs"
                component="a"
                href={sellersExportPath(query)}
                download
                data-testid="export-view"
              >
                Export view
              </Button>
            </Group>
          </Group>
        </Card>
        {notice ? (
          <Alert
            color="teal"
            variant="light"
            withCloseButton
            onClose={() => setNotice(null)}
            data-testid="sellers-notice"
            py="xs"
          >
            {notice}
          </Alert>
        ) : null}
        {listError ? (
          <ErrorPanel
            title="The sellers could not be loaded"
            error={listError}
            onRetry={() => (setGridError(null), setReloadToken((t) => t + 1), void pages.refetch())}
          />
        ) : null}
        {noData ? (
          <EmptyNote title="No sellers yet" testId="sellers-no-data">
            Import a seller list or order exports on the{' '}
            <Anchor component={Link} to="/imports" size="sm">
              Imports
            </Anchor>{' '}
            page, and every seller appears here with its figures.
          </EmptyNote>
        ) : phone ? (
          <>
            {shownSummary?.total === 0 ? (
              <NoMatch view={view} onClear={() => change(clearFilters(view))} />
            ) : null}
            <SellersPhoneList pages={pages} view={view} currency={currency} />
          </>
        ) : (
          <div className={classes.gridWrap}>
            <Suspense fallback={<Skeleton height={420} radius="md" />}>
              <SellersGrid
                view={view}
                currency={currency}
                selectable={canManage}
                onSortChange={onSortChange}
                onSelectionChange={setSelected}
                onLoaded={onLoaded}
                onError={setGridError}
                reloadToken={reloadToken}
              />
            </Suspense>
            {summary?.total === 0 ? (
              <div className={classes.overlay}>
                <NoMatch view={view} onClear={() => change(clearFilters(view))} />
              </div>
            ) : null}
          </div>
        )}
      </Stack>
      <AssignOwnerModal
        opened={assigning}
        sellerIds={selected}
        owners={options.data?.owners ?? []}
        onClose={() => setAssigning(false)}
        onDone={(message) => {
          setNotice(message);
          setSelected([]);
          setReloadToken((t) => t + 1);
        }}
      />
    </>
  );
}

function NoMatch({ view, onClear }: { view: SellersView; onClear: () => void }) {
  const filters = activeFilterCount(view);
  return (
    <EmptyNote title="No sellers match" testId="sellers-empty">
      <Text span size="sm" c="dimmed">
        {filters ? 'No seller fits these filters in this period. ' : 'No seller has a profile yet. '}
      </Text>
      {filters ? (
        <Anchor component="button" size="sm" onClick={onClear}>
          Clear the filters
        </Anchor>
      ) : null}
    </EmptyNote>
  );
}
