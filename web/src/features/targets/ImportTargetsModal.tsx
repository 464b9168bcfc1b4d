// Import a targets sheet (.xlsx or .csv): what the sheet needs, the upload, and either what was
// saved or every bad row — in which case nothing was saved.
import { useRef } from 'react';
import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { formatCountOf } from '../../ui/format';
import { RowErrorsTable } from '../imports/RowErrorsTable';
import { TargetsRefusedError } from './targets-api';
import { useImportTargets } from './use-targets';

export function ImportTargetsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const upload = useImportTargets();
  const input = useRef<HTMLInputElement>(null);
  const close = () => {
    upload.reset();
    onClose();
  };
  const rowErrors = upload.error instanceof TargetsRefusedError ? upload.error.errors : [];
  return (
    <Modal opened={opened} onClose={close} title="Import targets from a sheet" centered size={rowErrors.length > 0 ? 'xl' : 'lg'}>
      <Stack gap="md">
        <Text size="sm" component="div">
          One row per target, in an Excel (.xlsx) or CSV file. Headers are matched whatever their case or spacing:
          <List size="sm" mt={6} spacing={2}>
            <List.Item>
              <Code>metric</Code> — a metric name such as <Code>gmv</Code> or <Code>engagement_rate</Code>
            </List.Item>
            <List.Item>
              <Code>period</Code> — a month <Code>2026-11</Code> or an ISO week <Code>2026-W47</Code>
            </List.Item>
            <List.Item>
              <Code>target</Code> (or <Code>value</Code>) — rates as <Code>3.4%</Code> or <Code>0.034</Code>
            </List.Item>
            <List.Item>
              <Code>scope</Code>, or columns <Code>subcategory</Code> / <Code>seller_tier</Code> / <Code>seller</Code> — blank means
              the whole category
            </List.Item>
          </List>
        </Text>
        <Text size="xs" c="dimmed">
          All rows or none: if any row is wrong, nothing is saved and every problem is listed. Existing targets with the same
          metric, scope and period are replaced.
        </Text>
        {upload.data ? (
          <Alert color="teal" variant="light" data-testid="target-import-result">
            {upload.data.file}: {formatCountOf(upload.data.created, 'target')} added, {upload.data.updated} updated
            {upload.data.rowsSkipped ? `, ${formatCountOf(upload.data.rowsSkipped, 'blank row')} skipped` : ''}
            {upload.data.ignoredColumns.length ? `. Ignored columns: ${upload.data.ignoredColumns.join(', ')}` : ''}.
          </Alert>
        ) : null}
        {rowErrors.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title="Nothing was saved" data-testid="target-import-refused">
            {formatCountOf(rowErrors.length, 'problem')} in the sheet. Fix the rows below and choose it again.
          </Alert>
        ) : (
          <FormError error={upload.error} />
        )}
        {rowErrors.length > 0 ? <RowErrorsTable errors={rowErrors} /> : null}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          hidden
          aria-label="Targets sheet"
          data-testid="target-import-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) upload.mutate(file);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {upload.data ? 'Done' : 'Cancel'}
          </Button>
          <Button loading={upload.isPending} onClick={() => input.current?.click()} data-testid="target-import-choose">
            {upload.data || upload.error ? 'Choose another sheet' : 'Choose a sheet'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
