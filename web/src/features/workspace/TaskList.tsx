// The list view: one row per task with a checkbox, so several can be edited at once (status,
// owner, priority, due date, a tag) from the bar above the table.
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { FormError } from '../../ui/FormError';
import type { BulkEdit, Task, TaskStatus } from './workspace-api';
import { DUE_COLORS, dueText, PRIORITY_COLORS, STATUS_LABELS, STATUSES } from './workspace-format';
import { useBulkEditTasks } from './use-workspace';

export interface TaskListProps {
  tasks: Task[];
  today: string;
  owners: string[];
  canWrite: boolean;
  onOpen?: (task: Task) => void;
}

export function TaskList({ tasks, today, owners, canWrite, onOpen }: TaskListProps) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const visible = tasks.filter((t) => selected.has(t.id)).map((t) => t.id);
  const all = tasks.length > 0 && visible.length === tasks.length;
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <Card padding={0}>
      {canWrite && visible.length > 0 ? (
        <BulkBar ids={visible} owners={owners} onDone={() => setSelected(new Set())} />
      ) : null}
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing={6} highlightOnHover data-testid="task-list">
          <Table.Thead>
            <Table.Tr>
              {canWrite ? (
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Select all tasks"
                    checked={all}
                    indeterminate={visible.length > 0 && !all}
                    onChange={() => setSelected(all ? new Set() : new Set(tasks.map((t) => t.id)))}
                  />
                </Table.Th>
              ) : null}
              <Table.Th>Task</Table.Th>
              <Table.Th>Seller</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Tags</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((t) => (
              <Table.Tr key={t.id} data-testid="task-row" data-task-id={t.id}>
                {canWrite ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${t.title}`}
                      checked={selected.has(t.id)}
                      onChange={() => toggle(t.id)}
                    />
                  </Table.Td>
                ) : null}
                <Table.Td maw={320}>
                  {onOpen ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      onClick={() => onOpen(t)}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {t.title}
                    </Anchor>
                  ) : (
                    <Text size="sm">{t.title}</Text>
                  )}
                  {t.recurrence ? (
                    <Text size="xs" c="dimmed">
                      {t.recurrence === 'weekly' ? 'Every week' : 'Every month'}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {t.sellerId ? (
                    <Anchor component={Link} to={`/sellers/${encodeURIComponent(t.sellerId)}`} size="sm">
                      {t.sellerName ?? t.sellerId}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{STATUS_LABELS[t.status]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.owner ?? '—'}</Text>
                </Table.Td>
                <Table.Td style={{ minWidth: 150 }}>
                  <Badge
                    size="sm"
                    variant="light"
                    color={DUE_COLORS[t.dueState]}
                    tt="none"
                    style={{ overflow: 'visible' }}
                  >
                    {dueText(t.dueAt, t.dueState, today)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={PRIORITY_COLORS[t.priority]} tt="none">
                    {t.priority}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t.tags.join(', ') || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function BulkBar({ ids, owners, onDone }: { ids: number[]; owners: string[]; onDone: () => void }) {
  const bulk = useBulkEditTasks();
  const [status, setStatus] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState('');
  const [tag, setTag] = useState('');
  const edit: BulkEdit = {
    ...(status ? { status: status as TaskStatus } : {}),
    ...(owner ? { owner } : {}),
    ...(priority ? { priority } : {}),
    ...(dueAt ? { dueAt } : {}),
    ...(tag.trim() ? { addTags: [tag.trim()] } : {}),
  };
  const empty = Object.keys(edit).length === 0;
  return (
    <Group gap="xs" p="sm" align="flex-end" wrap="wrap" bg="blue.0" data-testid="bulk-bar">
      <Text size="sm" fw={600} mr="xs">
        {ids.length} selected
      </Text>
      <Select
        size="xs"
        label="Status"
        placeholder="Keep"
        data={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={status}
        onChange={setStatus}
        clearable
        w={150}
        data-testid="bulk-status"
      />
      <Select
        size="xs"
        label="Owner"
        placeholder="Keep"
        data={owners}
        value={owner}
        onChange={setOwner}
        clearable
        searchable
        w={150}
      />
      <Select
        size="xs"
        label="Priority"
        placeholder="Keep"
        data={['low', 'normal', 'high', 'urgent']}
        value={priority}
        onChange={setPriority}
        clearable
        w={110}
      />
      <TextInput
        size="xs"
        type="date"
        label="Due"
        value={dueAt}
        onChange={(e) => setDueAt(e.currentTarget.value)}
        w={140}
      />
      <TextInput
        size="xs"
        label="Add tag"
        value={tag}
        onChange={(e) => setTag(e.currentTarget.value)}
        w={110}
      />
      <Button
        size="xs"
        disabled={empty}
        loading={bulk.isPending}
        onClick={() => bulk.mutate({ ids, edit }, { onSuccess: onDone })}
        data-testid="bulk-apply"
      >
        Apply to {ids.length}
      </Button>
      <FormError error={bulk.error} />
    </Group>
  );
}
