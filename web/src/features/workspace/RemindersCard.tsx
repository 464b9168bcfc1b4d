// The Overview's reminders: overdue and soon-due tasks and follow-ups (next actions of contacts),
// mine or the team's, each linking to its seller, with a way into the Workspace.
import { useState } from 'react';
import { Anchor, Badge, Card, Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import type { ReminderItem } from './workspace-api';
import { useReminders } from './use-workspace';

function Item({ item }: { item: ReminderItem }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="reminder" data-kind={item.kind}>
      <Badge size="sm" variant="light" color={item.overdue ? 'red' : 'yellow'} tt="none" miw={92}>
        {item.overdue
          ? `${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} late`
          : `Due ${item.dueAt.slice(5)}`}
      </Badge>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {item.kind === 'follow_up' ? 'Follow up: ' : ''}
        {item.title}
        <Text span size="xs" c="dimmed">
          {item.owner ? ` · ${item.owner}` : ''}
          {item.sellerId ? ' · ' : ''}
        </Text>
        {item.sellerId ? (
          <Anchor component={Link} to={`/sellers/${encodeURIComponent(item.sellerId)}`} size="xs">
            {item.sellerName ?? item.sellerId}
          </Anchor>
        ) : null}
      </Text>
    </Group>
  );
}

export function RemindersCard() {
  const [mine, setMine] = useState(false);
  const reminders = useReminders(mine);
  return (
    <Card data-testid="overview-reminders">
      <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
        <Text fw={600} size="sm" component="h2">
          Follow-up due
          {reminders.data ? (
            <Text span size="sm" c="dimmed" fw={400}>
              {' '}
              · {reminders.data.counts.overdue} overdue, {reminders.data.counts.dueSoon} due in 7 days
            </Text>
          ) : null}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={mine ? 'mine' : 'team'}
            onChange={(v) => setMine(v === 'mine')}
            data={[
              { value: 'team', label: 'Team' },
              { value: 'mine', label: 'Mine' },
            ]}
          />
          <Anchor component={Link} to={`/workspace${mine ? '?mine=1' : ''}`} size="sm">
            Workspace →
          </Anchor>
        </Group>
      </Group>
      {reminders.isPending ? (
        <Skeleton height={80} />
      ) : reminders.isError ? (
        <ErrorPanel
          title="The reminders could not be loaded"
          error={reminders.error}
          onRetry={() => void reminders.refetch()}
        />
      ) : reminders.data.overdue.length + reminders.data.dueSoon.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="reminders-empty">
          Nothing overdue or due in the next 7 days{mine ? ' for you' : ''}.
        </Text>
      ) : (
        <Stack gap={6}>
          {[...reminders.data.overdue, ...reminders.data.dueSoon].slice(0, 8).map((item) => (
            <Item key={`${item.kind}-${item.id}`} item={item} />
          ))}
          {reminders.data.counts.overdue + reminders.data.counts.dueSoon > 8 ? (
            <Text size="xs" c="dimmed">
              … and {reminders.data.counts.overdue + reminders.data.counts.dueSoon - 8} more in the Workspace.
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
