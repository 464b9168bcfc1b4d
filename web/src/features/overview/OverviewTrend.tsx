// The trend card under the KPIs: daily GMV and orders for the days the server returns.
import { lazy, Suspense } from 'react';
import { Card, Group, Skeleton, Text } from '@mantine/core';
import { formatDateRange } from '../../ui/format';
import type { DateRange, TrendPoint } from './overview-api';

// echarts is most of the app's weight: load it after the KPIs are on screen.
const TrendChart = lazy(() => import('./TrendChart').then((module) => ({ default: module.TrendChart })));

const CHART_HEIGHT = 300;

export interface OverviewTrendProps {
  trend: readonly TrendPoint[];
  currency: string;
  current: DateRange | null;
  days: number;
}

export function OverviewTrend({ trend, currency, current, days }: OverviewTrendProps) {
  const first = trend[0];
  const last = trend[trend.length - 1];
  return (
    <Card data-testid="overview-trend">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Text fw={600} size="sm">
          Daily GMV and orders
        </Text>
        {first && last ? (
          <Text size="xs" c="dimmed">
            {formatDateRange(first.date, last.date)}
          </Text>
        ) : null}
      </Group>
      {trend.length > 0 ? (
        <Suspense fallback={<Skeleton height={CHART_HEIGHT} />}>
          <TrendChart
            trend={trend}
            currency={currency}
            current={current}
            currentLabel={`Last ${days} days`}
            height={CHART_HEIGHT}
          />
        </Suspense>
      ) : (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No daily figures for this period.
        </Text>
      )}
    </Card>
  );
}

export function OverviewTrendSkeleton() {
  return (
    <Card aria-hidden="true">
      <Skeleton height={12} width={160} mb="md" />
      <Skeleton height={CHART_HEIGHT} />
    </Card>
  );
}
