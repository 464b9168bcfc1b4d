// The open alerts (or any status), most severe and newest first: what moved, against what, why, and
// who is on it. The Overview embeds it as is; Settings → Alerts shows it with a status filter and
// pages. Analysts and up acknowledge and resolve; everyone reads.
import { useState } from 'react';
import { Anchor, Group, Pagination, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCountOf, formatDate, formatDateTime } from '../../ui/format';
import { AlertItem } from './AlertItem';
import type { AlertList, StatusFilter } from './alerts-api';
import { useAlerts } from './use-alerts';

export interface AlertsPanelProps {
  /** Which alerts: the open ones (new and acknowledged) by default. */
  status?: StatusFilter;
  /** Alerts per page. */
  pageSize?: number;
  /** Page through all of them (Settings) instead of linking to the full list (Overview). */
  paged?: boolean;
}

function ScanNote({ data }: { data: AlertList }) {
  if (!data.lastScan) return <>Alerts are checked after every import and each morning at 06:00; no check has run yet.</>;
  return (
    <>
      Last checked {formatDateTime(data.lastScan.at)}
      {data.lastScan.asOf ? `, data to ${formatDate(data.lastScan.asOf)}` : ''}.
    </>
  );
}

function Summary({ data, status }: { data: AlertList; status: StatusFilter }) {
  const { critical, warning, info } = data.counts.bySeverity;
  const parts = [
    critical ? `${critical} critical` : null,
    warning ? formatCountOf(warning, 'warning') : null,
    info ? `${info} info` : null,
  ].filter(Boolean);
  return (
    <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
      <Text size="sm" fw={500} data-testid="alerts-summary">
        {status === 'open' ? `${formatCountOf(data.counts.open, 'open alert')}${parts.length ? `: ${parts.join(', ')}` : ''}` : formatCountOf(data.total, 'alert')}
      </Text>
      <Text size="xs" c="dimmed">
        <ScanNote data={data} />
      </Text>
    </Group>
  );
}

export function AlertsPanel({ status = 'open', pageSize = 5, paged = false }: AlertsPanelProps) {
  const [page, setPage] = useState(1);
  const alerts = useAlerts({ status, limit: pageSize, offset: (page - 1) * pageSize });

  if (alerts.isPending) {
    return (
      <Stack gap="sm" data-testid="alerts-loading">
        <Skeleton height={18} width="40%" />
        <Skeleton height={72} />
        <Skeleton height={72} />
      </Stack>
    );
  }
  if (alerts.isError) {
    return <ErrorPanel title="Alerts could not be loaded" error={alerts.error} onRetry={() => void alerts.refetch()} retrying={alerts.isFetching} />;
  }
  const data = alerts.data;
  if (data.total === 0) {
    return (
      <EmptyNote title={status === 'open' ? 'No open alerts' : 'No alerts'} testId="alerts-empty">
        {status === 'open' ? 'Nothing unusual in the latest days. ' : ''}
        <ScanNote data={data} />
      </EmptyNote>
    );
  }
  const pages = Math.ceil(data.total / pageSize);
  return (
    <div data-testid="alerts-panel">
      <Summary data={data} status={status} />
      <Stack gap={0} data-stale={alerts.isPlaceholderData || undefined}>
        {data.alerts.map((alert) => (
          <AlertItem key={alert.id} alert={alert} currency={data.currency} />
        ))}
      </Stack>
      {paged && pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      ) : null}
      {!paged && data.total > data.alerts.length ? (
        <Anchor component={Link} to="/settings/alerts" size="sm" mt="sm" display="inline-block" data-testid="alerts-show-all">
          All {formatCountOf(data.total, 'alert')} →
        </Anchor>
      ) : null}
    </div>
  );
}
