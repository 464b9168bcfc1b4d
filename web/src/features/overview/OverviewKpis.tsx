// The KPI cards of the overview, one per KPI the server returns, in the server's order.
import { SimpleGrid } from '@mantine/core';
import { KpiCard, KpiCardSkeleton } from '../../ui/KpiCard';
import { changeDirection, formatChange, formatChangeRatio, formatValue } from '../../ui/format';
import type { OverviewKpi } from './overview-api';

const GRID_COLUMNS = { base: 1, xs: 2, md: 3, xl: 4 };

export interface OverviewKpisProps {
  kpis: readonly OverviewKpi[];
  currency: string;
  days: number;
}

export function OverviewKpis({ kpis, currency, days }: OverviewKpisProps) {
  return (
    <SimpleGrid cols={GRID_COLUMNS} spacing="md" data-testid="kpi-grid">
      {kpis.map((kpi) => (
        <KpiCard
          key={kpi.metric}
          id={kpi.metric}
          label={kpi.label}
          definition={kpi.description}
          value={formatValue(kpi.value, kpi.format, currency)}
          change={formatChange(kpi.change, kpi.format, currency)}
          changeRatio={formatChangeRatio(kpi.changeRatio)}
          direction={changeDirection(kpi.change)}
          previous={formatValue(kpi.previous, kpi.format, currency)}
          previousLabel={`Previous ${days} days`}
        />
      ))}
    </SimpleGrid>
  );
}

export function OverviewKpisSkeleton({ count = 4 }: { count?: number }) {
  return (
    <SimpleGrid cols={GRID_COLUMNS} spacing="md">
      {Array.from({ length: count }, (_, index) => (
        <KpiCardSkeleton key={index} />
      ))}
    </SimpleGrid>
  );
}
