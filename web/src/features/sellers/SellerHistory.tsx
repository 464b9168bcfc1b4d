// The seller's profile history: every change with its old and new value, when, who, and whether
// an import, an edit or a merge made it.
import { Badge, Card, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { MISSING } from '../../ui/format';
import { fieldLabel, SOURCE_LABELS } from './seller-labels';
import { useSellerHistory } from './use-seller';

const when = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const SOURCE_COLORS: Record<string, string> = {
  import: 'gray',
  user: 'indigo',
  merge: 'orange',
  system: 'gray',
};

export function SellerHistory({ id }: { id: string }) {
  const history = useSellerHistory(id);
  return (
    <Card data-testid="seller-history">
      <Text fw={600} size="sm" mb="xs">
        Profile history
      </Text>
      {history.isPending ? (
        <Skeleton height={120} />
      ) : history.isError ? (
        <ErrorPanel
          title="The history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
        />
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No change recorded yet. Imports and edits of the profile appear here.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
          <Table fz="xs" verticalSpacing={4} miw={460} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((entry) => (
                <Table.Tr key={entry.id} data-testid="history-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {when.format(new Date(entry.changed_at))}
                  </Table.Td>
                  <Table.Td>{fieldLabel(entry.field)}</Table.Td>
                  <Table.Td>
                    <Text span size="xs" c="dimmed" td={entry.old ? 'line-through' : undefined}>
                      {entry.old ?? MISSING}
                    </Text>{' '}
                    →{' '}
                    <Text span size="xs" fw={500}>
                      {entry.new ?? MISSING}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={SOURCE_COLORS[entry.source] ?? 'gray'} mr={4}>
                      {SOURCE_LABELS[entry.source] ?? entry.source}
                    </Badge>
                    <Text span size="xs" c="dimmed">
                      {entry.by}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
