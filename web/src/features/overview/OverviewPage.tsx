// Overview: the category's headline KPIs for the last N days against the N days before, and the
// daily trend. Every number comes finished from `/api/overview`; this page only lays it out.
import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate, formatDateRange } from '../../ui/format';
import { OVERVIEW_PERIODS, type Overview } from './overview-api';
import { OverviewEmpty } from './OverviewEmpty';
import { OverviewKpis, OverviewKpisSkeleton } from './OverviewKpis';
import { OverviewTrend, OverviewTrendSkeleton } from './OverviewTrend';
import { useOverview } from './use-overview';
import { useOverviewPeriod } from './use-overview-period';
import classes from './OverviewPage.module.css';

const periodOptions = OVERVIEW_PERIODS.map((days) => ({ value: String(days), label: `${days} days` }));

export function OverviewPage() {
  const [days, setDays] = useOverviewPeriod();
  const overview = useOverview(days);

  const periodPicker = (
    <SegmentedControl
      size="xs"
      aria-label="Compared period"
      data={periodOptions}
      value={String(days)}
      onChange={(value) => {
        const next = OVERVIEW_PERIODS.find((period) => String(period) === value);
        if (next !== undefined) setDays(next);
      }}
    />
  );

  return (
    <>
      <PageHeader
        title="Overview"
        description={overview.data ? <OverviewContext overview={overview.data} /> : 'Category KPIs'}
        actions={periodPicker}
      />
      <OverviewBody overview={overview} />
    </>
  );
}

function OverviewBody({ overview }: { overview: ReturnType<typeof useOverview> }) {
  if (overview.isPending) {
    return (
      <Stack gap="md">
        <OverviewKpisSkeleton />
        <OverviewTrendSkeleton />
      </Stack>
    );
  }
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
  const { asOf, kpis, trend, currency, days, current } = overview.data;
  if (asOf === null) return <OverviewEmpty />;
  return (
    <Stack gap="md" className={classes.body} data-stale={overview.isPlaceholderData || undefined}>
      <OverviewKpis kpis={kpis} currency={currency} days={days} />
      <OverviewTrend trend={trend} currency={currency} current={current} days={days} />
    </Stack>
  );
}

/** "Nov 17 – Nov 23 vs Nov 10 – Nov 16 · USD · UTC · data through Nov 23, 2026" */
function OverviewContext({ overview }: { overview: Overview }) {
  const { current, previous, asOf, currency, timezone } = overview;
  return (
    <Group component="span" gap={8} wrap="wrap">
      {current && previous ? (
        <Text span size="sm" c="dimmed" data-testid="overview-range">
          {formatDateRange(current.from, current.to)} vs {formatDateRange(previous.from, previous.to)}
        </Text>
      ) : null}
      <Badge component="span" variant="default" radius="sm" size="sm" data-testid="overview-currency">
        {currency}
      </Badge>
      <Badge component="span" variant="default" radius="sm" size="sm" tt="none">
        {timezone}
      </Badge>
      {asOf ? (
        <Text span size="xs" c="dimmed">
          Data through {formatDate(asOf)}
        </Text>
      ) : null}
    </Group>
  );
}
