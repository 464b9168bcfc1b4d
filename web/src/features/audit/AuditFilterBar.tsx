// Filters of the audit log: who, what kind of record, and a date range (inclusive days).
import { Button, Group, Select, TextInput } from '@mantine/core';
import { AUDIT_ENTITIES } from './audit-api';
import type { AuditView } from './use-audit-filters';

export interface AuditFilterBarProps {
  view: AuditView;
  /** E-mails to pick from (the workspace's users). */
  actors: readonly string[];
}

export function AuditFilterBar({ view, actors }: AuditFilterBarProps) {
  const { filters, setFilter, clear } = view;
  const filtered = Object.values(filters).some((value) => value !== null);
  // A filter from a bookmarked URL stays selectable even if that user no longer exists.
  const actorOptions = filters.user && !actors.includes(filters.user) ? [filters.user, ...actors] : actors;
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap" data-testid="audit-filters">
      <Select
        label="User"
        placeholder="Everyone"
        data={actorOptions}
        value={filters.user}
        onChange={(value) => setFilter('user', value)}
        searchable
        clearable
        w={{ base: 'calc(50% - 6px)', xs: 240 }}
      />
      <Select
        label="Record"
        placeholder="All records"
        data={[...AUDIT_ENTITIES]}
        value={filters.entity}
        onChange={(value) => setFilter('entity', value)}
        clearable
        w={{ base: 'calc(50% - 6px)', xs: 170 }}
      />
      <TextInput
        label="From"
        type="date"
        value={filters.from ?? ''}
        max={filters.to ?? undefined}
        onChange={(event) => setFilter('from', event.currentTarget.value || null)}
        w={{ base: 'calc(50% - 6px)', xs: 160 }}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to ?? ''}
        min={filters.from ?? undefined}
        onChange={(event) => setFilter('to', event.currentTarget.value || null)}
        w={{ base: 'calc(50% - 6px)', xs: 160 }}
      />
      {filtered ? (
        <Button variant="subtle" size="sm" onClick={clear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
