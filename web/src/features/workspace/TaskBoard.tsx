// The board: one column per status. A card moves by dragging it to another column or with its
// arrow buttons (which also work on a phone, where the columns stack).
import { useState } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { TaskCard } from './TaskCard';
import type { Task, TaskStatus } from './workspace-api';
import { STATUS_LABELS, STATUSES } from './workspace-format';

export interface TaskBoardProps {
  tasks: Task[];
  /** The Done column's heading, when it shows only recent tasks. */
  doneLabel?: string;
  today: string;
  onMove?: (task: Task, status: TaskStatus) => void;
  onOpen?: (task: Task) => void;
}

export function TaskBoard({ tasks, doneLabel, today, onMove, onOpen }: TaskBoardProps) {
  const [over, setOver] = useState<TaskStatus | null>(null);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="task-board">
      {STATUSES.map((status) => {
        const column = tasks.filter((t) => t.status === status);
        return (
          <Paper
            key={status}
            p="xs"
            radius="md"
            bg={over === status ? 'blue.0' : 'gray.0'}
            data-testid="board-column"
            data-status={status}
            onDragOver={
              onMove
                ? (e) => {
                    e.preventDefault();
                    setOver(status);
                  }
                : undefined
            }
            onDragLeave={() => setOver(null)}
            onDrop={
              onMove
                ? (e) => {
                    e.preventDefault();
                    setOver(null);
                    const task = tasks.find((t) => String(t.id) === e.dataTransfer.getData('text/plain'));
                    if (task && task.status !== status) onMove(task, status);
                  }
                : undefined
            }
          >
            <Group justify="space-between" mb="xs" px={4}>
              <Text size="sm" fw={600}>
                {status === 'done' && doneLabel ? doneLabel : STATUS_LABELS[status]}
              </Text>
              <Badge size="sm" variant="default">
                {column.length}
              </Badge>
            </Group>
            <Stack gap="xs" mih={60}>
              {column.length === 0 ? (
                <Text size="xs" c="dimmed" ta="center" py="md">
                  {onMove ? 'Drop a task here' : 'Nothing here'}
                </Text>
              ) : (
                column.map((task) => (
                  <TaskCard
                    key={task.id}
                    task={task}
                    today={today}
                    onMove={onMove}
                    onOpen={onOpen}
                    draggable={Boolean(onMove)}
                  />
                ))
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
