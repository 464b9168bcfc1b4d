// Step 3: what the load did. Counts, the earlier import when the same file was loaded before, the
// problems, and the rejected rows as CSV to fix and import again.
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCount, formatDateTime } from '../../ui/format';
import { kindLabel } from './import-choices';
import { rejectsCsvUrl, type ImportRecord, type ImportResult } from './imports-api';
import { ImportStatusBadge } from './ImportStatusBadge';
import { RowErrorsTable } from './RowErrorsTable';

export interface ImportResultPanelProps {
  result: ImportResult;
  /** The earlier import of the same file, when the history holds it. */
  original: ImportRecord | undefined;
  onDone: () => void;
}

export function ImportResultPanel({ result, original, onDone }: ImportResultPanelProps) {
  const duplicate = result.duplicateOf !== null;
  // A recording's rows are its lines, loaded as events of one session.
  const lines = result.kind === 'live_events';
  return (
    <Card data-testid="import-result">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <div>
            <Group gap={8}>
              <Text fw={600} size="sm">
                {result.file}
              </Text>
              <ImportStatusBadge status={result.status} duplicate={duplicate} />
            </Group>
            <Text size="xs" c="dimmed">
              {kindLabel(result.kind)}
              {result.sheet ? ` · sheet ${result.sheet}` : ''}
              {result.headerRow !== null ? ` · header on row ${result.headerRow}` : ''}
              {result.livestreamId ? ` · observed figures of session ${result.livestreamId}` : ''}
            </Text>
          </div>
          <Button size="xs" variant="default" onClick={onDone}>
            Import another file
          </Button>
        </Group>
        {duplicate ? (
          <Alert color="gray" variant="light" data-testid="import-duplicate">
            Already imported — this is the same file as{' '}
            {original ? (
              <>
                <b>{original.file}</b>, imported {formatDateTime(original.startedAt)} by {original.by}
              </>
            ) : (
              <>import {result.duplicateOf}</>
            )}
            . Nothing new was loaded.
          </Alert>
        ) : null}
        {result.status === 'rejected' ? (
          <Alert color="red" variant="light" data-testid="import-rejected">
            Nothing was loaded: the file has invalid rows. Fix them (or import again and skip them).
          </Alert>
        ) : null}
        {duplicate ? null : (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-result-counts">
            <Figure label={lines ? 'Lines read' : 'Rows read'} value={result.rowsRead} />
            <Figure label={lines ? 'Events loaded' : 'Loaded'} value={result.rowsLoaded} />
            <Figure
              label={lines ? 'Malformed lines' : 'Rejected'}
              value={result.rowsRejected}
              alert={result.rowsRejected > 0}
            />
            <Figure label={lines ? 'Blank lines' : 'Blank, skipped'} value={result.rowsSkipped} />
          </SimpleGrid>
        )}
        {result.ignoredColumns.length > 0 ? (
          <Text size="xs" c="dimmed">
            Ignored columns: {result.ignoredColumns.join(', ')}
          </Text>
        ) : null}
        {result.errors.length > 0 ? (
          <Stack gap="xs">
            <Group justify="space-between" gap="sm">
              <Text fw={600} size="sm">
                Problems
              </Text>
              {result.rowsRejected > 0 ? (
                <Anchor
                  href={rejectsCsvUrl(result.importId)}
                  download
                  size="sm"
                  data-testid="rejects-download"
                >
                  Download rejected rows (CSV)
                </Anchor>
              ) : null}
            </Group>
            <RowErrorsTable errors={result.errors} lines={lines} />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function Figure({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <div data-testid="import-figure" data-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} c={alert ? 'red.8' : undefined}>
        {formatCount(value)}
      </Text>
    </div>
  );
}
