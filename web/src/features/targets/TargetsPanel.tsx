// Settings → Targets: a period's targets with their progress for everyone; managers and admins
// also add, edit, delete and import them. Opens on the month of the latest data.
import { useState } from 'react';
import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { useCan } from '../auth/session-context';
import { AddTargetForm } from './AddTargetForm';
import { ImportTargetsModal } from './ImportTargetsModal';
import { PeriodPicker } from './PeriodPicker';
import { periodLabel } from './periods';
import type { TargetProgressReport } from './targets-api';
import { TargetsTable } from './TargetsTable';
import { useTargetOptions, useTargetProgress } from './use-targets';

export function TargetsPanel() {
  const options = useTargetOptions();
  const canEdit = useCan('manage');
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen ?? options.data?.defaultMonth ?? null;
  const progress = useTargetProgress(period);
  const [importOpened, importModal] = useDisclosure(false);

  if (options.isError) {
    return <ErrorPanel title="Targets could not be loaded" error={options.error} onRetry={() => void options.refetch()} retrying={options.isFetching} />;
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          Targets per metric for the whole category, a subcategory, a seller tier or a seller, by month or week.
          {canEdit ? ' Progress is measured to the latest day with data.' : ' Managers and admins set them.'}
        </Text>
        {canEdit ? (
          <Button size="sm" variant="default" onClick={importModal.open} data-testid="target-import-open">
            Import sheet
          </Button>
        ) : null}
      </Group>
      {period ? (
        <Group justify="space-between" align="center" gap="sm">
          <PeriodPicker period={period} onChange={setChosen} />
          {progress.data?.period === period ? <AsOf report={progress.data} /> : null}
        </Group>
      ) : (
        <Skeleton height={30} width={320} />
      )}
      <ProgressBody progress={progress} period={period} canEdit={canEdit} />
      {canEdit && period && options.data ? <AddTargetForm period={period} options={options.data} /> : null}
      <ImportTargetsModal opened={importOpened} onClose={importModal.close} />
    </Stack>
  );
}

function AsOf({ report }: { report: TargetProgressReport }) {
  return (
    <Text size="xs" c="dimmed" data-testid="target-as-of">
      {report.asOf ? `Data to ${formatDate(report.asOf)} · day ${report.elapsedDays} of ${report.totalDays}` : 'No data in this period yet'}
    </Text>
  );
}

function ProgressBody({ progress, period, canEdit }: { progress: ReturnType<typeof useTargetProgress>; period: string | null; canEdit: boolean }) {
  if (period === null || progress.isPending) return <Skeleton height={180} radius="md" />;
  if (progress.isError) {
    return <ErrorPanel title="Progress could not be loaded" error={progress.error} onRetry={() => void progress.refetch()} retrying={progress.isFetching} />;
  }
  if (progress.data.items.length === 0) {
    return (
      <EmptyNote title={`No targets for ${periodLabel(period)}`} testId="targets-empty">
        {canEdit ? 'Add one below, or import a sheet with a row per metric, scope and period.' : 'Managers and admins set targets; they show here with their progress.'}
      </EmptyNote>
    );
  }
  return <TargetsTable report={progress.data} canEdit={canEdit} />;
}
