// Overview: the category's KPIs for a period against a comparison, the GMV trend with its live
// share, open alerts, the sellers that moved most and the breakdown by subcategory. Every number
// comes finished from `/api/overview`; this page lays them out, formats them and links each to the
// list behind it. The period and comparison live in the URL.
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { RefreshingBadge } from '../../ui/refreshing';
import { BreakdownTable, BreakdownTableSkeleton } from './BreakdownTable';
import type { Overview } from './overview-api';
import { formatDay, formatPeriodComparison, formatRange } from './overview-format';
import { DEFAULT_VIEW } from './overview-view';
import { OverviewAlerts } from './OverviewAlerts';
import { RemindersCard } from '../workspace/RemindersCard';
import { OverviewControls } from './OverviewControls';
import { OverviewEmpty } from './OverviewEmpty';
import { OverviewKpis, OverviewKpisSkeleton } from './OverviewKpis';
import { OverviewTrend, OverviewTrendSkeleton } from './OverviewTrend';
import { TopMovers, TopMoversSkeleton } from './TopMovers';
import { useOverview } from './use-overview';
import { useOverviewView } from './use-overview-view';
import classes from './OverviewPage.module.css';

export function OverviewPage() {
  const [view, setView] = useOverviewView();
  const overview = useOverview(view);
  const data = overview.data;
  const hasData = data !== undefined && data.asOf !== null;

  return (
    <>
      <PageHeader
        title="Overview"
        description={data ? <OverviewContext overview={data} /> : 'Category KPIs'}
        actions={
          hasData || data === undefined ? (
            <>
              <RefreshingBadge refreshing={data?.refreshing} />
              <OverviewControls
                view={view}
                onChange={setView}
                shown={data?.current ?? null}
                asOf={data?.asOf ?? null}
              />
            </>
          ) : null
        }
      />
      <OverviewBody
        overview={overview}
        onShowDefault={() => setView({ ...DEFAULT_VIEW, compare: view.compare })}
      />
    </>
  );
}

function OverviewBody({
  overview,
  onShowDefault,
}: {
  overview: ReturnType<typeof useOverview>;
  onShowDefault: () => void;
}) {
  if (overview.isError) {
    return (
      <ErrorPanel
        title="The overview could not be loaded"
        error={overview.error}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }
  if (!overview.data) {
    // Still loading, or a custom range not chosen yet with nothing shown before.
    if (overview.fetchStatus !== 'idle') return <OverviewSkeleton />;
    return (
      <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="overview-choose-range">
        Choose the first and the last day of the period above.
      </Text>
    );
  }
  const data = overview.data;
  if (data.asOf === null) return <OverviewEmpty />;
  return (
    <Stack
      gap="md"
      className={classes.body}
      data-stale={overview.isPlaceholderData || undefined}
      aria-busy={overview.isFetching || undefined}
      data-testid="overview-body"
    >
      {periodIsEmpty(data) ? <NoDataInPeriod overview={data} onShowDefault={onShowDefault} /> : null}
      <OverviewKpis overview={data} />
      <OverviewTrend
        trend={data.trend}
        currency={data.currency}
        current={data.current}
        compare={data.compare}
      />
      <OverviewAlerts />
      <RemindersCard />
      <TopMovers overview={data} />
      <BreakdownTable overview={data} />
    </Stack>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading the overview" data-testid="overview-loading">
      <OverviewKpisSkeleton />
      <OverviewTrendSkeleton />
      <TopMoversSkeleton />
      <BreakdownTableSkeleton />
    </Stack>
  );
}

/** No day of the period has any figure (the API may still total it to 0). */
function periodIsEmpty(overview: Overview): boolean {
  return (
    overview.kpis.length > 0 && overview.kpis.every((kpi) => kpi.sparkline.every((value) => value === null))
  );
}

/** A period (usually a custom one) outside the data: say so, and offer the default view. */
function NoDataInPeriod({ overview, onShowDefault }: { overview: Overview; onShowDefault: () => void }) {
  const { current, asOf } = overview;
  return (
    <Alert color="gray" variant="light" data-testid="overview-period-empty" title="No data in this period">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {current
            ? `Nothing was sold or streamed ${current.from === current.to ? 'on' : 'between'} ${formatRange(current.from, current.to)}.`
            : ''}{' '}
          {asOf ? `The data runs up to ${formatDay(asOf)}.` : ''}
        </Text>
        <Button size="xs" variant="default" onClick={onShowDefault}>
          Show the last 7 days
        </Button>
      </Stack>
    </Alert>
  );
}

/** "17–23 Nov 2026 vs 10–16 Nov · data up to 23 Nov 2026 · USD · UTC" */
function OverviewContext({ overview }: { overview: Overview }) {
  const { current, comparisonRange, compare, asOf, currency, timezone } = overview;
  return (
    <Group component="span" gap={8} wrap="wrap">
      {current ? (
        <Text span size="sm" c="dark.4" fw={500} data-testid="overview-range">
          {formatPeriodComparison(current, comparisonRange, compare)}
        </Text>
      ) : null}
      {asOf ? (
        <Text span size="xs" c="dimmed" data-testid="overview-as-of">
          data up to {formatDay(asOf)}
        </Text>
      ) : null}
      <Badge component="span" variant="default" radius="sm" size="sm" data-testid="overview-currency">
        {currency}
      </Badge>
      <Badge component="span" variant="default" radius="sm" size="sm" tt="none">
        {timezone}
      </Badge>
    </Group>
  );
}
