// The drill-down of an alert: what "usual" means, each subcategory's and the top sellers' part of
// the change (they add up to it — the server guarantees it), the related movements (a rate's
// numerator and denominator, a seller's orders) and the campaign days left out.
import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { formatChange, formatChangeRatio, formatShortDate, formatValue } from '../../ui/format';
import { TableCard } from '../../ui/TableCard';
import type { Alert, AlertExplanation, Contribution } from './alerts-api';

function ShareBar({ share, contribution }: { share: number | null; contribution: number }) {
  const width = share === null ? 0 : Math.min(Math.abs(share) * 100, 100);
  return (
    <Group gap={8} wrap="nowrap" miw={110}>
      <Progress value={width} color={contribution < 0 ? 'red.6' : 'teal.6'} size="sm" w={60} aria-hidden />
      <Text size="xs" c="dimmed" span>
        {share === null ? '' : `${Math.round(share * 100)}%`}
      </Text>
    </Group>
  );
}

function ContributionTable({
  title,
  rows,
  other,
  alert,
  currency,
  testId,
}: {
  title: string;
  rows: readonly Contribution[];
  other?: number | null;
  alert: Alert;
  currency: string;
  testId: string;
}) {
  const value = (v: number) => formatValue(v, alert.format, currency);
  const change = (v: number) => formatChange(v, alert.format, currency);
  return (
    <TableCard minWidth={560} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">Observed</Table.Th>
          <Table.Th ta="right">{alert.kind === 'anomaly' ? 'Usual' : 'Before'}</Table.Th>
          <Table.Th ta="right">Part of change</Table.Th>
          <Table.Th>Share</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key || row.name}>
            <Table.Td data-label={title}>
              <Text size="sm" span>
                {row.name}
              </Text>
              {row.subcategory ? (
                <Text size="xs" c="dimmed" span>
                  {' '}
                  · {row.subcategory.name}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right" data-label="Observed">
              {value(row.observed)}
            </Table.Td>
            <Table.Td ta="right" data-label={alert.kind === 'anomaly' ? 'Usual' : 'Before'}>
              {value(row.baseline)}
            </Table.Td>
            <Table.Td ta="right" data-label="Part" c={row.contribution < 0 ? 'red.7' : 'teal.7'}>
              {change(row.contribution)}
            </Table.Td>
            <Table.Td data-label="Share">
              <ShareBar share={row.shareOfChange} contribution={row.contribution} />
            </Table.Td>
          </Table.Tr>
        ))}
        {other !== undefined && other !== null ? (
          <Table.Tr>
            <Table.Td data-label={title} c="dimmed">
              All other sellers
            </Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right" data-label="Part" c="dimmed">
              {change(other)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        ) : null}
      </Table.Tbody>
    </TableCard>
  );
}

function Movements({ explanation, currency }: { explanation: AlertExplanation; currency: string }) {
  if (explanation.movements.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="alert-movements">
      {explanation.movements.map((m) => (
        <Badge key={m.metric} variant="light" color={m.changeRatio !== null && m.changeRatio < 0 ? 'red' : 'teal'} radius="sm" tt="none" fw={500}>
          {m.label} {formatChangeRatio(m.changeRatio)} · {formatValue(m.observed, m.format, currency)} vs {formatValue(m.baseline, m.format, currency)}
        </Badge>
      ))}
    </Group>
  );
}

export function AlertDrivers({ alert, currency }: { alert: Alert; currency: string }) {
  const explanation = alert.explanation;
  if (!explanation) return <Text size="sm" c="dimmed">No explanation was recorded for this alert.</Text>;
  return (
    <Stack gap="sm" data-testid="alert-drivers">
      <Text size="xs" c="dimmed">
        {alert.kind === 'anomaly' ? 'Usual' : 'Compared with'}: {explanation.basis}.
        {explanation.campaignDaysLeftOut.length
          ? ` Campaign days left out: ${explanation.campaignDaysLeftOut.map((d) => `${formatShortDate(d.date)} (${d.label})`).join(', ')}.`
          : null}
      </Text>
      <Movements explanation={explanation} currency={currency} />
      {explanation.subcategories.length > 0 ? (
        <ContributionTable title="Subcategory" rows={explanation.subcategories} alert={alert} currency={currency} testId="alert-subcategories" />
      ) : null}
      {explanation.sellers.length > 0 ? (
        <ContributionTable title="Seller" rows={explanation.sellers} other={explanation.otherSellers} alert={alert} currency={currency} testId="alert-sellers" />
      ) : null}
      {explanation.note ? (
        <Text size="xs" c="dimmed">
          {explanation.note}
        </Text>
      ) : null}
    </Stack>
  );
}
