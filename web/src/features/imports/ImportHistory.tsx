// Past imports, newest first: what was loaded, by whom and when, and the rejected rows of each.
import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, formatDateTime } from '../../ui/format';
import { TableCard } from '../../ui/TableCard';
import { kindLabel } from './import-choices';
import { rejectsCsvUrl, type ImportRecord } from './imports-api';
import { ImportStatusBadge } from './ImportStatusBadge';
import type { useImportHistory } from './use-imports';
import classes from './ImportHistory.module.css';

export function ImportHistory({ history }: { history: ReturnType<typeof useImportHistory> }) {
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        History
      </Text>
      {history.isPending ? (
        <Skeleton height={160} radius="md" />
      ) : history.isError ? (
        <ErrorPanel
          title="The import history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
          retrying={history.isFetching}
        />
      ) : history.data.length === 0 ? (
        <EmptyNote title="No imports yet" testId="imports-empty">
          Imported files appear here with their counts and any rejected rows.
        </EmptyNote>
      ) : (
        <HistoryTable imports={history.data} />
      )}
    </Stack>
  );
}

function HistoryTable({ imports }: { imports: readonly ImportRecord[] }) {
  return (
    <TableCard minWidth={960} data-testid="imports-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th className={classes.numeric}>Read</Table.Th>
          <Table.Th className={classes.numeric}>Loaded</Table.Th>
          <Table.Th className={classes.numeric}>Rejected</Table.Th>
          <Table.Th className={classes.numeric}>Skipped</Table.Th>
          <Table.Th>Imported</Table.Th>
          <Table.Th aria-label="Downloads" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {imports.map((record) => (
          <Table.Tr key={record.id} data-testid="import-history-row" data-id={record.id}>
            <Table.Td data-label="File">
              <Text size="sm" fw={500} className={classes.file}>
                {record.file}
              </Text>
            </Table.Td>
            <Table.Td data-label="Kind" className={classes.nowrap}>
              {kindLabel(record.kind)}
            </Table.Td>
            <Table.Td data-label="Status" className={classes.nowrap}>
              <ImportStatusBadge status={record.status} duplicate={record.duplicateOf !== null} />
            </Table.Td>
            <Table.Td data-label="Read" className={classes.numeric}>
              {formatCount(record.rowsRead)}
            </Table.Td>
            <Table.Td data-label="Loaded" className={classes.numeric}>
              {formatCount(record.rowsLoaded)}
            </Table.Td>
            <Table.Td
              data-label="Rejected"
              className={classes.numeric}
              c={record.rowsRejected > 0 ? 'red.8' : undefined}
            >
              {formatCount(record.rowsRejected)}
            </Table.Td>
            <Table.Td data-label="Skipped" className={classes.numeric}>
              {formatCount(record.rowsSkipped)}
            </Table.Td>
            <Table.Td data-label="Imported">
              <div>
                <Text size="sm" className={classes.nowrap}>
                  {formatDateTime(record.startedAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  by {record.by}
                </Text>
              </div>
            </Table.Td>
            <Table.Td>
              {record.rowsRejected > 0 ? (
                <Anchor
                  href={rejectsCsvUrl(record.id)}
                  download
                  size="sm"
                  data-testid="history-rejects-download"
                >
                  Rejected rows (CSV)
                </Anchor>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
