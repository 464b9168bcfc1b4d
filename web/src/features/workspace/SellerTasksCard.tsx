// The seller page's tasks card: the seller's open tasks with their due state, moved along with the
// arrow buttons, and quick entry of a new task about this seller.
import { useState } from 'react';
import { Anchor, Button, Card, Group, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { useCan } from '../auth/session-context';
import { TaskCard } from './TaskCard';
import { TaskQuickModal } from './TaskQuickModal';
import type { Task } from './workspace-api';
import { useTasks, useUpdateTask } from './use-workspace';

export function SellerTasksCard({ sellerId, sellerName }: { sellerId: string; sellerName: string }) {
  const tasks = useTasks({ sellerId, status: 'todo,doing,waiting', limit: 50 });
  const canWrite = useCan('write');
  const move = useUpdateTask();
  const [editing, setEditing] = useState<{ opened: boolean; task: Task | null }>({
    opened: false,
    task: null,
  });
  return (
    <Card data-testid="seller-tasks">
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text fw={600} size="sm">
          Open tasks
          {tasks.data ? (
            <Text span c="dimmed" fw={400} size="sm">
              {' '}
              · {tasks.data.total}
            </Text>
          ) : null}
        </Text>
        {canWrite ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing({ opened: true, task: null })}
            data-testid="seller-new-task"
          >
            New task
          </Button>
        ) : null}
      </Group>
      <FormError error={move.error} />
      {tasks.isPending ? (
        <Skeleton height={80} />
      ) : tasks.isError ? (
        <ErrorPanel
          title="The tasks could not be loaded"
          error={tasks.error}
          onRetry={() => void tasks.refetch()}
        />
      ) : tasks.data.tasks.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="seller-tasks-empty">
          No open task about this seller.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap="xs">
            {tasks.data.tasks.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                today={tasks.data.today}
                showSeller={false}
                onMove={canWrite ? (t, status) => move.mutate({ id: t.id, draft: { status } }) : undefined}
                onOpen={canWrite ? (t) => setEditing({ opened: true, task: t }) : undefined}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <Anchor component={Link} to="/workspace" size="xs" mt="xs" display="block">
        Tracker in the Workspace →
      </Anchor>
      <TaskQuickModal
        opened={editing.opened}
        task={editing.task}
        prefill={{ seller: { id: sellerId, name: sellerName } }}
        onClose={() => setEditing({ ...editing, opened: false })}
      />
    </Card>
  );
}
