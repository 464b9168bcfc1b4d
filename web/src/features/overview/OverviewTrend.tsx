// The trend card under the tiles: daily GMV with its live part and share, against the comparison
// period's GMV.
import { lazy, Suspense } from 'react';
import { Card, Group, Skeleton, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { DateRange, TrendPoint } from './overview-api';
import { comparisonName, formatRange } from './overview-format';
import type { Comparison } from './overview-view';

// echarts is most of the app's weight: load it after the numbers are on screen.
const TrendChart = lazy(() => import('./TrendChart').then((module) => ({ default: module.TrendChart })));

const CHART_HEIGHT = { wide: 320, narrow: 260 };

export interface OverviewTrendProps {
  trend: readonly TrendPoint[];
  currency: string;
  current: DateRange | null;
  compare: Comparison;
}

export function OverviewTrend({ trend, currency, current, compare }: OverviewTrendProps) {
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const height = narrow ? CHART_HEIGHT.narrow : CHART_HEIGHT.wide;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const hasData = trend.some((point) => point.gmv !== null || point.comparisonGmv !== null);
  return (
    <Card data-testid="overview-trend">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Text fw={600} size="sm" component="h2">
          GMV and live share by day
        </Text>
        {first && last ? (
          <Text size="xs" c="dimmed">
            {formatRange(first.date, last.date)}
          </Text>
        ) : null}
      </Group>
      {hasData ? (
        <Suspense fallback={<Skeleton height={height} />}>
          <TrendChart
            trend={trend}
            currency={currency}
            current={current}
            comparisonName={compare === 'target' ? null : comparisonName(compare)}
            height={height}
          />
        </Suspense>
      ) : (
        <Text size="sm" c="dimmed" py={48} ta="center" data-testid="trend-empty">
          No daily figures in these weeks.
        </Text>
      )}
    </Card>
  );
}

export function OverviewTrendSkeleton() {
  return (
    <Card aria-hidden="true">
      <Skeleton height={12} width={180} mb="md" />
      <Skeleton height={CHART_HEIGHT.wide} />
    </Card>
  );
}
