// One task on the board or in a seller's card: title, seller, due state, owner, priority, tags,
// where it came from, and buttons to move it to the previous or next status (the keyboard- and
// phone-friendly twin of dragging it to another column).
import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Task, TaskStatus } from './workspace-api';
import { DUE_COLORS, dueText, PRIORITY_COLORS, STATUS_LABELS, STATUSES } from './workspace-format';

export interface TaskCardProps {
  task: Task;
  today: string;
  showSeller?: boolean;
  onMove?: (task: Task, status: TaskStatus) => void;
  onOpen?: (task: Task) => void;
  draggable?: boolean;
}

export function sourceLabel(task: Task): string | null {
  switch (task.source) {
    case 'manual':
      return null;
    case 'communication':
      return task.sourceRef ? `from communication #${task.sourceRef}` : 'from a communication';
    case 'alert':
      return task.sourceRef ? `from alert #${task.sourceRef}` : 'from an alert';
    case 'opportunity':
      return 'from an opportunity';
    case 'review':
      return task.sourceRef ? `from review ${task.sourceRef}` : 'from a review';
  }
}

export function TaskCard({ task, today, showSeller = true, onMove, onOpen, draggable }: TaskCardProps) {
  const index = STATUSES.indexOf(task.status);
  const prev = STATUSES[index - 1];
  const next = STATUSES[index + 1];
  const from = sourceLabel(task);
  return (
    <Card
      padding="sm"
      withBorder
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      draggable={draggable}
      onDragStart={draggable ? (e) => e.dataTransfer.setData('text/plain', String(task.id)) : undefined}
      style={draggable ? { cursor: 'grab' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          {onOpen ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              fw={600}
              ta="left"
              onClick={() => onOpen(task)}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="task-card-title"
            >
              {task.title}
            </Anchor>
          ) : (
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="task-card-title">
              {task.title}
            </Text>
          )}
          {task.priority === 'high' || task.priority === 'urgent' ? (
            <Badge
              size="xs"
              color={PRIORITY_COLORS[task.priority]}
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {task.priority}
            </Badge>
          ) : null}
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge
            size="sm"
            variant="light"
            color={DUE_COLORS[task.dueState]}
            tt="none"
            data-testid="task-due-state"
          >
            {dueText(task.dueAt, task.dueState, today)}
          </Badge>
          {task.recurrence ? (
            <Badge size="sm" variant="outline" color="gray" tt="none">
              {task.recurrence === 'weekly' ? 'Every week' : 'Every month'}
            </Badge>
          ) : null}
          {task.tags.map((tag) => (
            <Badge key={tag} size="sm" variant="default" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {[task.owner ?? 'No owner', from].filter(Boolean).join(' · ')}
          {showSeller && task.sellerId ? ' · ' : ''}
          {showSeller && task.sellerId ? (
            <Anchor component={Link} to={`/sellers/${encodeURIComponent(task.sellerId)}`} size="xs">
              {task.sellerName ?? task.sellerId}
            </Anchor>
          ) : null}
        </Text>
        {onMove ? (
          <Group gap={4} justify="flex-end">
            {prev ? (
              <Tooltip label={`Move to ${STATUS_LABELS[prev]}`}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={`Move to ${STATUS_LABELS[prev]}`}
                  onClick={() => onMove(task, prev)}
                  data-testid="task-move-back"
                >
                  ←
                </ActionIcon>
              </Tooltip>
            ) : null}
            {next ? (
              <Tooltip label={`Move to ${STATUS_LABELS[next]}`}>
                <ActionIcon
                  variant="light"
                  size="sm"
                  aria-label={`Move to ${STATUS_LABELS[next]}`}
                  onClick={() => onMove(task, next)}
                  data-testid="task-move-next"
                >
                  →
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
