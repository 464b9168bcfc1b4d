// The seller's KPI tiles: the period's value, the change against the comparison period, and the
// subcategory's median seller for context. Definitions from the catalog show on hover.
import { Card, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { formatChangeRatio, formatValue, MISSING } from '../../ui/format';
import type { SellerPerformance } from './sellers-api';

export function SellerKpis({ performance }: { performance: SellerPerformance }) {
  const currency = performance.currency;
  const vs = performance.period.compare === 'last_year' ? 'vs last year' : 'vs previous';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="seller-kpis">
      {performance.kpis.map((kpi) => {
        const ratio = kpi.changeRatio;
        return (
          <Card key={kpi.metric} padding="sm" data-testid={`kpi-${kpi.metric}`}>
            <Tooltip label={kpi.description} multiline w={260} withArrow>
              <Text size="xs" c="dimmed" truncate>
                {kpi.label}
              </Text>
            </Tooltip>
            <Text size="lg" fw={600} data-testid="kpi-value">
              {formatValue(kpi.value, kpi.format, currency)}
            </Text>
            <Text size="xs" c={ratio === null || ratio === 0 ? 'dimmed' : ratio > 0 ? 'teal.8' : 'red.8'}>
              {ratio === null ? `${MISSING} ${vs}` : `${formatChangeRatio(ratio)} ${vs}`}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              Median {formatValue(kpi.median, kpi.format, currency)}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
