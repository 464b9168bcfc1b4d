// The KPI cards of the overview, one per KPI the server returns, in the server's order.
import { SimpleGrid } from '@mantine/core';
import { KpiCard, KpiCardSkeleton } from '../../ui/KpiCard';
import { changeDirection, formatChange, formatChangeRatio, formatValue } from '../../ui/format';
import type { OverviewKpi } from './overview-api';

/** Two columns on a phone; on wide screens 3 or 4, whichever leaves no half-empty last row. */
function gridColumns(count: number) {
  const wide = count % 4 !== 0 && count % 3 === 0 ? 3 : 4;
  return { base: 2, md: 3, lg: wide };
}

export interface OverviewKpisProps {
  kpis: readonly OverviewKpi[];
  currency: string;
  days: number;
}

export function OverviewKpis({ kpis, currency, days }: OverviewKpisProps) {
  return (
    <SimpleGrid cols={gridColumns(kpis.length)} spacing={{ base: 'sm', sm: 'md' }} data-testid="kpi-grid">
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

export function OverviewKpisSkeleton({ count = 6 }: { count?: number }) {
  return (
    <SimpleGrid cols={gridColumns(count)} spacing={{ base: 'sm', sm: 'md' }}>
      {Array.from({ length: count }, (_, index) => (
        <KpiCardSkeleton key={index} />
      ))}
    </SimpleGrid>
  );
}
