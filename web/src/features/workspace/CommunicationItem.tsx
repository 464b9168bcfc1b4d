// One communication in a timeline: when, how, which way, with whom, the subject, what was said and
// agreed, and the next action with its follow-up state; a writer can turn the next action into a
// task (linked back) or delete the record.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import type { Communication } from './workspace-api';
import { channelLabel, FOLLOW_UP_COLORS, FOLLOW_UP_LABELS } from './workspace-format';

export interface CommunicationItemProps {
  communication: Communication;
  showSeller: boolean;
  onCreateTask?: (communication: Communication) => void;
  onDelete?: (communication: Communication) => void;
}

export function CommunicationItem({
  communication: c,
  showSeller,
  onCreateTask,
  onDelete,
}: CommunicationItemProps) {
  const canTask = onCreateTask && c.nextAction && (c.followUp === 'open' || c.followUp === 'overdue');
  return (
    <Stack
      gap={4}
      data-testid="communication"
      data-communication-id={c.id}
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap={6} wrap="wrap">
        <Badge variant="light" radius="sm" size="sm" tt="none">
          {channelLabel(c.channel)}
        </Badge>
        <Text size="xs" c="dimmed">
          {c.direction === 'inbound' ? 'They reached out' : 'We reached out'} · {formatDateTime(c.at)} ·{' '}
          {c.createdBy}
        </Text>
        {showSeller ? (
          <Anchor component={Link} to={`/sellers/${encodeURIComponent(c.sellerId)}`} size="xs">
            {c.sellerName ?? c.sellerId}
          </Anchor>
        ) : null}
      </Group>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="communication-subject">
        {c.subject}
      </Text>
      {c.participants ? (
        <Text size="xs" c="dimmed">
          With {c.participants}
        </Text>
      ) : null}
      {c.summary ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {c.summary}
        </Text>
      ) : null}
      {c.outcome ? (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Outcome:{' '}
          </Text>
          {c.outcome}
        </Text>
      ) : null}
      {c.nextAction ? (
        <Group gap={6} wrap="wrap" align="center">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Next:{' '}
            </Text>
            {c.nextAction}
            {c.dueAt ? ` · by ${c.dueAt}` : ''}
            {c.owner ? ` · ${c.owner}` : ''}
          </Text>
          <Badge
            color={FOLLOW_UP_COLORS[c.followUp]}
            variant="light"
            size="sm"
            tt="none"
            data-testid="follow-up-state"
          >
            {c.followUpTaskId ? `Task #${c.followUpTaskId}` : FOLLOW_UP_LABELS[c.followUp]}
          </Badge>
        </Group>
      ) : null}
      {canTask || onDelete ? (
        <Group gap="xs">
          {canTask ? (
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => onCreateTask(c)}
              data-testid="create-follow-up-task"
            >
              Create follow-up task
            </Button>
          ) : null}
          {onDelete ? (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDelete(c)}>
              Delete
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
