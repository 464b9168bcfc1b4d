// The Tasks tab: the tracker as a list (with bulk edit) or a board (drag or arrow buttons between
// statuses), "my work" or everyone's, open or all, words — all in the URL — and the tracker sheet
// out (xlsx export with the same filters) and back in (import).
import { useState } from 'react';
import { Button, Group, SegmentedControl, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { useCan } from '../auth/session-context';
import { TaskBoard } from './TaskBoard';
import { TaskList } from './TaskList';
import { TaskQuickModal } from './TaskQuickModal';
import { TrackerImportButton, TrackerImportResult } from './TrackerImportButton';
import { taskExportUrl, type Task, type TaskFilter } from './workspace-api';
import { useImportTracker, useTasks, useUpdateTask, useWorkspaceOptions } from './use-workspace';
import { addDays } from './workspace-format';

const DONE_DAYS_ON_BOARD = 14;

export function TasksPanel() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const mine = params.get('mine') === '1';
  const showDone = params.get('done') === '1';
  const q = params.get('q') ?? '';
  const filter: TaskFilter = {
    mine,
    q: q || undefined,
    status: showDone || view === 'board' ? undefined : 'todo,doing,waiting',
    limit: 500,
  };
  const options = useWorkspaceOptions();
  // The board's Done column keeps the last two weeks; the list shows every done task on request.
  if (view === 'board' && options.data) filter.doneSince = addDays(options.data.today, -DONE_DAYS_ON_BOARD);
  const tasks = useTasks(filter, view !== 'board' || options.data !== undefined || options.isError);
  const canWrite = useCan('write');
  const move = useUpdateTask();
  const upload = useImportTracker();
  const [importedFile, setImportedFile] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ opened: boolean; task: Task | null }>({
    opened: false,
    task: null,
  });
  const today = tasks.data?.today ?? options.data?.today ?? '';
  const filtered = mine || Boolean(q);

  return (
    <Stack gap="md" data-testid="workspace-tasks">
      <Group gap="sm" align="center" wrap="wrap">
        <SegmentedControl
          size="sm"
          value={view}
          onChange={(v) => set('view', v === 'list' ? 'list' : null)}
          data={[
            { value: 'board', label: 'Board' },
            { value: 'list', label: 'List' },
          ]}
          data-testid="task-view"
        />
        <Switch
          label="My work"
          checked={mine}
          onChange={(e) => set('mine', e.currentTarget.checked ? '1' : null)}
          data-testid="my-work"
        />
        {view === 'list' ? (
          <Switch
            label="Show done"
            checked={showDone}
            onChange={(e) => set('done', e.currentTarget.checked ? '1' : null)}
          />
        ) : null}
        <TextInput
          size="sm"
          placeholder="Search tasks"
          defaultValue={q}
          onBlur={(e) => set('q', e.currentTarget.value.trim() || null)}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value.trim() || null)}
          w={200}
          aria-label="Search tasks"
        />
        <Group gap="xs" ml="auto" wrap="wrap">
          <Button
            component="a"
            href={taskExportUrl(filter)}
            variant="default"
            size="sm"
            data-testid="tracker-export"
          >
            Export xlsx
          </Button>
          {canWrite ? (
            <TrackerImportButton upload={upload} onPicked={(file) => setImportedFile(file.name)} />
          ) : null}
          {canWrite ? (
            <Button size="sm" onClick={() => setEditing({ opened: true, task: null })} data-testid="new-task">
              New task
            </Button>
          ) : null}
        </Group>
      </Group>
      <TrackerImportResult upload={upload} fileName={importedFile} />
      <FormError error={move.error} />
      {tasks.isPending ? (
        <Skeleton height={260} radius="md" />
      ) : tasks.isError ? (
        <ErrorPanel
          title="The tasks could not be loaded"
          error={tasks.error}
          onRetry={() => void tasks.refetch()}
          retrying={tasks.isFetching}
        />
      ) : tasks.data.tasks.length === 0 ? (
        <EmptyNote title={filtered ? 'No task matches' : 'No tasks yet'} testId="tasks-empty">
          {mine
            ? 'Nothing is assigned to you. Switch off “My work” to see the team’s tasks.'
            : filtered
              ? 'Clear the search to see every task.'
              : 'Create a task, turn a contact’s next action into one, or import your tracker sheet.'}
        </EmptyNote>
      ) : (
        <div data-stale={tasks.isPlaceholderData || undefined}>
          {tasks.data.total > tasks.data.tasks.length ? (
            <Text size="xs" c="dimmed" mb="xs">
              Showing {tasks.data.tasks.length} of {tasks.data.total.toLocaleString('en-US')} tasks — narrow
              with “My work” or a search.
            </Text>
          ) : null}
          {view === 'board' ? (
            <TaskBoard
              doneLabel={`Done (last ${DONE_DAYS_ON_BOARD} days)`}
              tasks={tasks.data.tasks}
              today={today}
              onMove={
                canWrite ? (task, status) => move.mutate({ id: task.id, draft: { status } }) : undefined
              }
              onOpen={canWrite ? (task) => setEditing({ opened: true, task }) : undefined}
            />
          ) : (
            <TaskList
              tasks={tasks.data.tasks}
              today={today}
              owners={options.data?.owners ?? []}
              canWrite={canWrite}
              onOpen={canWrite ? (task) => setEditing({ opened: true, task }) : undefined}
            />
          )}
        </div>
      )}
      <TaskQuickModal
        opened={editing.opened}
        task={editing.task}
        onClose={() => setEditing({ ...editing, opened: false })}
      />
    </Stack>
  );
}
