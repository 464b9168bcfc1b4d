// The Log tab: the team's communications, newest first, filtered by channel, owner, follow-up
// state and words (all in the URL), with quick entry of a new contact and follow-up tasks.
import { useState } from 'react';
import { Button, Card, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { useCan } from '../auth/session-context';
import { CommunicationItem } from './CommunicationItem';
import { ContactQuickModal } from './ContactQuickModal';
import { TaskQuickModal, type TaskPrefill } from './TaskQuickModal';
import type { Communication } from './workspace-api';
import { CHANNEL_LABELS, FOLLOW_UP_LABELS } from './workspace-format';
import { useCommunications, useDeleteCommunication, useWorkspaceOptions } from './use-workspace';

export function followUpTaskPrefill(c: Communication): TaskPrefill {
  return {
    title: c.nextAction ?? `Follow up: ${c.subject}`,
    seller: { id: c.sellerId, name: c.sellerName ?? c.sellerId },
    dueAt: c.dueAt,
    description: `Next action of the ${c.channel.replace('_', ' ')} "${c.subject}"${c.outcome ? ` — outcome: ${c.outcome}` : ''}`,
    source: 'communication',
    sourceRef: String(c.id),
    sourceLabel: `communication #${c.id} “${c.subject}”`,
  };
}

export function CommunicationLog() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filter = {
    channel: params.get('channel') ?? undefined,
    owner: params.get('owner') ?? undefined,
    followUp: params.get('followUp') ?? undefined,
    q: params.get('q') ?? undefined,
    limit: 200,
  };
  const log = useCommunications(filter);
  const options = useWorkspaceOptions();
  const canWrite = useCan('write');
  const [contactOpen, setContactOpen] = useState(false);
  const [taskFor, setTaskFor] = useState<Communication | null>(null);
  const remove = useDeleteCommunication();
  const confirm = useConfirmTarget<Communication>();
  const filtered = Boolean(filter.channel || filter.owner || filter.followUp || filter.q);

  return (
    <Stack gap="md" data-testid="workspace-log">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Words"
          placeholder="subject, summary, seller…"
          defaultValue={filter.q}
          onBlur={(e) => set('q', e.currentTarget.value.trim() || null)}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value.trim() || null)}
          w={220}
        />
        <Select
          label="Channel"
          placeholder="Any"
          data={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
          value={filter.channel ?? null}
          onChange={(v) => set('channel', v)}
          clearable
          w={150}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          data={options.data?.owners ?? []}
          value={filter.owner ?? null}
          onChange={(v) => set('owner', v)}
          clearable
          searchable
          w={170}
        />
        <Select
          label="Follow-up"
          placeholder="Any"
          data={(['open', 'overdue', 'tasked', 'closed'] as const).map((value) => ({
            value,
            label: FOLLOW_UP_LABELS[value],
          }))}
          value={filter.followUp ?? null}
          onChange={(v) => set('followUp', v)}
          clearable
          w={200}
        />
        {canWrite ? (
          <Button ml="auto" onClick={() => setContactOpen(true)} data-testid="log-contact">
            Log contact
          </Button>
        ) : null}
      </Group>
      {log.isPending ? (
        <Skeleton height={220} radius="md" />
      ) : log.isError ? (
        <ErrorPanel
          title="The communication log could not be loaded"
          error={log.error}
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      ) : log.data.communications.length === 0 ? (
        <EmptyNote
          title={filtered ? 'No communication matches these filters' : 'No communication logged yet'}
          testId="log-empty"
        >
          {filtered
            ? 'Clear a filter to see more.'
            : 'Log calls, meetings and messages with sellers here or from a seller’s page; their next actions become reminders.'}
        </EmptyNote>
      ) : (
        <Card padding="md" data-stale={log.isPlaceholderData || undefined}>
          <Text size="xs" c="dimmed" mb={4}>
            {log.data.total.toLocaleString('en-US')} communication{log.data.total === 1 ? '' : 's'}
            {log.data.total > log.data.communications.length
              ? ` · newest ${log.data.communications.length} shown`
              : ''}
          </Text>
          {log.data.communications.map((c) => (
            <CommunicationItem
              key={c.id}
              communication={c}
              showSeller
              onCreateTask={canWrite ? setTaskFor : undefined}
              onDelete={canWrite ? confirm.open : undefined}
            />
          ))}
        </Card>
      )}
      <ContactQuickModal opened={contactOpen} seller={null} onClose={() => setContactOpen(false)} />
      <TaskQuickModal
        opened={taskFor !== null}
        prefill={taskFor ? followUpTaskPrefill(taskFor) : undefined}
        onClose={() => setTaskFor(null)}
      />
      <ConfirmModal
        opened={confirm.opened}
        title="Delete communication"
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          confirm.close();
          remove.reset();
        }}
        onConfirm={() => {
          if (confirm.target) remove.mutate(confirm.target.id, { onSuccess: () => confirm.close() });
        }}
      >
        Delete <b>{confirm.target?.subject}</b>? The audit log keeps who deleted it.
      </ConfirmModal>
    </Stack>
  );
}
