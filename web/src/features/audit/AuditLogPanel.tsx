// Settings → Audit log (admin): every change and sign-in, newest first, filtered and paged by the
// server; each entry shows only the fields that changed.
import { Alert, Badge, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, formatDateTime } from '../../ui/format';
import { TableCard } from '../../ui/TableCard';
import { useCan } from '../auth/session-context';
import { useUsers } from '../users/use-users';
import { AUDIT_PAGE_SIZE, type AuditEntry } from './audit-api';
import { AuditChanges } from './AuditChanges';
import { AuditFilterBar } from './AuditFilterBar';
import { useAudit } from './use-audit';
import { useAuditFilters } from './use-audit-filters';
import classes from './AuditLogPanel.module.css';

const actionColors: Record<string, string> = { create: 'teal', update: 'indigo', delete: 'red' };

export function AuditLogPanel() {
  const isAdmin = useCan('admin');
  if (!isAdmin) {
    return (
      <Alert color="gray" variant="light" data-testid="audit-admin-only">
        Only admins read the audit log.
      </Alert>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const view = useAuditFilters();
  const audit = useAudit(view.filters, view.page);
  const users = useUsers();
  const actors = users.data?.map((user) => user.email) ?? [];
  return (
    <>
      <AuditFilterBar view={view} actors={actors} />
      {audit.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : audit.isError ? (
        <ErrorPanel
          title="The audit log could not be loaded"
          error={audit.error}
          onRetry={() => void audit.refetch()}
          retrying={audit.isFetching}
        />
      ) : audit.data.total === 0 ? (
        <EmptyNote title="No entries" testId="audit-empty">
          Nothing was recorded for these filters.
        </EmptyNote>
      ) : (
        <Stack gap="sm" className={classes.body} data-stale={audit.isPlaceholderData || undefined}>
          <AuditTable entries={audit.data.entries} />
          <AuditPager
            total={audit.data.total}
            page={view.page}
            onChange={(page) => {
              view.setPage(page);
              // The pager sits under the table: show the new page from its first entry.
              window.scrollTo({ top: 0 });
            }}
          />
        </Stack>
      )}
    </>
  );
}

function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <TableCard minWidth={880} data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Record</Table.Th>
          <Table.Th w="40%">Changes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr
            key={entry.id}
            data-testid="audit-row"
            data-actor={entry.actor}
            data-action={entry.action}
            data-entity={entry.entity}
          >
            <Table.Td c="dimmed" data-label="When" className={classes.when}>
              {formatDateTime(entry.at)}
            </Table.Td>
            <Table.Td data-label="Who">{entry.actor}</Table.Td>
            <Table.Td data-label="Action">
              <Badge
                variant="light"
                color={actionColors[entry.action] ?? 'gray'}
                radius="sm"
                size="sm"
                tt="none"
              >
                {entry.action}
              </Badge>
            </Table.Td>
            <Table.Td data-label="Record">
              <span>
                <Text size="sm" span>
                  {entry.entity}
                </Text>
                {entry.entityId !== null ? (
                  <Text size="sm" c="dimmed" span>
                    {' '}
                    #{entry.entityId}
                  </Text>
                ) : null}
              </span>
            </Table.Td>
            <Table.Td data-label="Changes">
              <AuditChanges entry={entry} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function AuditPager({
  total,
  page,
  onChange,
}: {
  total: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(page * AUDIT_PAGE_SIZE, total);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="xs" c="dimmed" data-testid="audit-count">
        {first > total
          ? `No entries on page ${page} of ${formatCount(total)} entries`
          : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </Text>
      {pages > 1 ? (
        <Pagination total={pages} value={Math.min(page, pages)} onChange={onChange} size="sm" />
      ) : null}
    </Group>
  );
}
