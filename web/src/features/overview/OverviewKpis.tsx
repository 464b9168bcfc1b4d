// The KPI tiles, one per KPI the server returns, in the server's order: two per row on a phone,
// three from tablets up (nine tiles make a full 3 × 3 block).
import { SimpleGrid } from '@mantine/core';
import type { Overview } from './overview-api';
import { daysOf } from './overview-view';
import { KpiTile, KpiTileSkeleton } from './KpiTile';

const COLUMNS = { base: 2, sm: 3 } as const;

export function OverviewKpis({ overview }: { overview: Overview }) {
  const { kpis, currency, current, comparisonRange, compare } = overview;
  const days = current ? daysOf(current.from, current.to) : [];
  return (
    <SimpleGrid cols={COLUMNS} spacing={{ base: 'sm', sm: 'md' }} data-testid="kpi-grid">
      {kpis.map((kpi) => (
        <KpiTile
          key={kpi.metric}
          kpi={kpi}
          currency={currency}
          current={current}
          comparisonRange={comparisonRange}
          compare={compare}
          days={days}
        />
      ))}
    </SimpleGrid>
  );
}

export function OverviewKpisSkeleton({ count = 9 }: { count?: number }) {
  return (
    <SimpleGrid cols={COLUMNS} spacing={{ base: 'sm', sm: 'md' }} aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <KpiTileSkeleton key={index} />
      ))}
    </SimpleGrid>
  );
}
