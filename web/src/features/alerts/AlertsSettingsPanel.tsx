// Settings → Alerts: every alert by status, paged, for the whole team; managers can also check for
// alerts right now instead of waiting for the next import or the 06:00 scan.
import { useState } from 'react';
import { Button, Card, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { useCan } from '../auth/session-context';
import type { ScanSummary, StatusFilter } from './alerts-api';
import { AlertsPanel } from './AlertsPanel';
import { useScanAlerts } from './use-alerts';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'new', label: 'New' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

function scanResult(scan: ScanSummary): string {
  if (!scan.judged) return 'No data to check yet.';
  return `Checked ${scan.judged.from} to ${scan.judged.to}: ${scan.created} new, ${scan.updated} still there, ${scan.cleared} cleared.`;
}

export function AlertsSettingsPanel() {
  const [status, setStatus] = useState<StatusFilter>('open');
  const canScan = useCan('manage');
  const scan = useScanAlerts();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          Unusual days and weeks of GMV, orders and livestreams for the category, each subcategory and the larger sellers, and
          the threshold rules you set. Planned peaks (double days, Black Friday) are never an alarm.
        </Text>
        {canScan ? (
          <Button size="sm" variant="default" loading={scan.isPending} onClick={() => scan.mutate()} data-testid="alerts-scan">
            Check now
          </Button>
        ) : null}
      </Group>
      {scan.data ? (
        <Text size="sm" data-testid="alerts-scan-result">
          {scanResult(scan.data)}
        </Text>
      ) : null}
      <FormError error={scan.error} />
      {/* Five statuses do not fit a phone's width as buttons: a select there. */}
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as StatusFilter)}
        data={FILTERS}
        size="sm"
        w="fit-content"
        visibleFrom="sm"
        data-testid="alerts-status-filter"
      />
      <NativeSelect
        aria-label="Which alerts"
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as StatusFilter)}
        data={FILTERS}
        hiddenFrom="sm"
      />
      <Card>
        <AlertsPanel key={status} status={status} pageSize={10} paged />
      </Card>
    </Stack>
  );
}
