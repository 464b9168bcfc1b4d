// Seller 360: one seller's profile, segments, owner and contacts (editable in place), the period's
// KPIs against the previous period and the subcategory's median seller, the GMV trend next to the
// median seller, the livestream calendar and sessions, the category mix, the profile history, and
// the follow-up work (communications timeline, open tasks and notes from the workspace).
// The period lives in the URL with the grid's parameter names.
import { lazy, Suspense } from 'react';
import { Alert, Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { RefreshingBadge } from '../../ui/refreshing';
import { ApiError } from '../../ui/api';
import { CategoryMix, SessionList } from './SellerActivity';
import { ImprovementAreasCard } from '../livestreams/best-practices/ImprovementAreasCard';
import { SellerHistory } from './SellerHistory';
import { SellerKpis } from './SellerKpis';
import { SellerPeriodControls, type PeriodValue } from './SellerPeriodControls';
import { SellerProfileCard } from './SellerProfileCard';
import { SellerWorkspace } from './SellerWorkspace';
import { readSellersView, sellerPeriodQuery, sellersApiQuery, DEFAULT_SELLERS_VIEW } from './sellers-view';
import { useSeller, useSellerPerformance } from './use-seller';
import { useSellerOptions } from './use-sellers';

const SellerTrendChart = lazy(() => import('./SellerCharts').then((m) => ({ default: m.SellerTrendChart })));
const LiveCalendarChart = lazy(() =>
  import('./SellerCharts').then((m) => ({ default: m.LiveCalendarChart })),
);

function usePeriod(): [PeriodValue, (next: PeriodValue) => void] {
  const [params, setParams] = useSearchParams();
  const { period, from, to, compare } = readSellersView(params);
  const set = (next: PeriodValue) =>
    setParams(new URLSearchParams(sellerPeriodQuery(next)), { replace: true });
  return [{ period, from, to, compare }, set];
}

export function SellerPage({ id }: { id: string }) {
  const [period, setPeriod] = usePeriod();
  const seller = useSeller(id);
  const options = useSellerOptions();
  const query = new URLSearchParams(sellersApiQuery({ ...DEFAULT_SELLERS_VIEW, ...period }));
  for (const key of ['sort', 'dir']) query.delete(key);
  const performance = useSellerPerformance(id, query.toString());
  const back = `/sellers${sellerPeriodQuery(period) ? `?${sellerPeriodQuery(period)}` : ''}`;

  if (seller.isError) {
    const missing = seller.error instanceof ApiError && seller.error.status === 404;
    return (
      <>
        <PageHeader
          title={missing ? 'Seller not found' : 'Seller'}
          description={
            <Anchor component={Link} to={back} size="sm">
              ← All sellers
            </Anchor>
          }
        />
        <ErrorPanel
          title={missing ? `There is no seller ${id}` : 'The seller could not be loaded'}
          error={seller.error}
          onRetry={missing ? undefined : () => void seller.refetch()}
        />
      </>
    );
  }
  const data = seller.data;
  const figures = performance.data;
  return (
    <>
      <PageHeader
        title={data?.seller_name ?? 'Seller'}
        description={
          <span data-testid="seller-summary">
            <Anchor component={Link} to={back} size="sm">
              ← All sellers
            </Anchor>
            {data
              ? ` · ${data.id} · ${data.subcategory_name ?? 'no subcategory'} · ${data.status}${figures ? ` · ${formatDate(figures.period.current.from)} – ${formatDate(figures.period.current.to)}` : ''}`
              : null}
          </span>
        }
        actions={
          <>
            <RefreshingBadge refreshing={figures?.refreshing} />
            <SellerPeriodControls value={period} shown={figures?.period.current ?? null} onChange={setPeriod} />
          </>
        }
      />
      {!data ? (
        <Stack gap="md" aria-busy="true" data-testid="seller-loading">
          <Skeleton height={220} radius="md" />
          <Skeleton height={120} radius="md" />
        </Stack>
      ) : (
        <Stack gap="md">
          {data.merged_into ? (
            <Alert color="yellow" variant="light" data-testid="seller-merged">
              This seller was merged into{' '}
              <Anchor component={Link} to={`/sellers/${encodeURIComponent(data.merged_into)}`} size="sm">
                {data.merged_into}
              </Anchor>
              : its facts and history are there now.
            </Alert>
          ) : null}
          <SellerProfileCard seller={data} options={options.data} />
          {performance.isError ? (
            <ErrorPanel
              title="The figures could not be loaded"
              error={performance.error}
              onRetry={() => void performance.refetch()}
            />
          ) : !figures ? (
            <Skeleton height={240} radius="md" />
          ) : (
            <Stack gap="md" data-stale={performance.isPlaceholderData || undefined}>
              <SellerKpis performance={figures} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <Card>
                  <Text fw={600} size="sm">
                    Daily GMV vs the median{' '}
                    {figures.subcategory ? `${figures.subcategory.name} seller` : 'seller'}
                  </Text>
                  <Text size="xs" c="dimmed" mb="xs">
                    {formatDate(figures.trend.range.from)} – {formatDate(figures.trend.range.to)}
                    {figures.subcategory
                      ? ` · median of ${figures.subcategory.sellers} sellers with data`
                      : ' · no subcategory to compare with'}
                  </Text>
                  <Suspense fallback={<Skeleton height={300} />}>
                    <SellerTrendChart performance={figures} height={300} />
                  </Suspense>
                </Card>
                <Card>
                  <Group justify="space-between" gap="xs">
                    <Text fw={600} size="sm">
                      Livestreams
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(figures.calendar.range.from)} – {formatDate(figures.calendar.range.to)}
                    </Text>
                  </Group>
                  {figures.calendar.days.length ? (
                    <Suspense fallback={<Skeleton height={180} />}>
                      <LiveCalendarChart performance={figures} />
                    </Suspense>
                  ) : (
                    <Text size="sm" c="dimmed" py="md" data-testid="no-live">
                      No livestream in the last 26 weeks.
                    </Text>
                  )}
                  <SessionList performance={figures} />
                </Card>
              </SimpleGrid>
              <ImprovementAreasCard sellerId={id} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <CategoryMix performance={figures} />
                <SellerHistory id={id} />
              </SimpleGrid>
            </Stack>
          )}
          <SellerWorkspace id={id} name={data.seller_name} />
        </Stack>
      )}
    </>
  );
}
