// Every report generated — from this page, the CLI or a schedule — newest first, with its outcome
// and a download per format it was written in.
import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { TableCard } from '../../ui/TableCard';
import { downloadUrl, FORMAT_LABELS, type ArchivedReport } from './reports-api';
import { useArchive } from './use-reports';

const STATUS_COLOR = { done: 'green', running: 'blue', failed: 'red' } as const;

export function DownloadLinks({ report }: { report: ArchivedReport }) {
  return (
    <Group gap="xs" wrap="wrap">
      {report.formats.map((format) => (
        <Anchor key={format} href={downloadUrl(report.id, format)} download size="sm" data-testid={`download-${report.id}-${format}`}>
          {FORMAT_LABELS[format]}
        </Anchor>
      ))}
    </Group>
  );
}

export function ReportArchive() {
  const archive = useArchive();
  if (archive.isPending) return <Skeleton height={240} data-testid="archive-loading" />;
  if (archive.isError) return <ErrorPanel title="Could not load the archive" error={archive.error} onRetry={() => void archive.refetch()} retrying={archive.isFetching} />;
  if (archive.data.length === 0) {
    return (
      <EmptyNote title="No reports generated yet" testId="archive-empty">
        Generate one on the Report tab, with aisle report weekly on the server, or switch a schedule on.
      </EmptyNote>
    );
  }
  return (
    <TableCard minWidth={760} data-testid="report-archive">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Report</Table.Th>
          <Table.Th>Generated</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Download</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {archive.data.map((r) => (
          <Table.Tr key={r.id} data-testid={`archive-row-${r.id}`}>
            <Table.Td data-label="Report">
              <Text size="sm" fw={600}>
                {r.kind === 'weekly' ? 'Weekly' : 'Monthly'} {r.period}
              </Text>
            </Table.Td>
            <Table.Td data-label="Generated">{r.createdAt.slice(0, 16).replace('T', ' ')} UTC</Table.Td>
            <Table.Td data-label="By">{r.by}</Table.Td>
            <Table.Td data-label="Status">
              <Stack gap={2}>
                <Badge color={STATUS_COLOR[r.status]} variant="light">
                  {r.status}
                </Badge>
                {r.error ? (
                  <Text size="xs" c="red">
                    {r.error}
                  </Text>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td data-label="Download">{r.status === 'done' ? <DownloadLinks report={r} /> : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
