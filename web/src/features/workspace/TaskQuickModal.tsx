// Quick entry (or edit) of a task: from the tracker, a seller page, a communication's next action,
// an alert or an opportunity — the caller passes what it knows (title, seller, due date, source and
// its reference) and the task keeps the link back to where it came from.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { SellerPicker } from './SellerPicker';
import type { Task, TaskDraft, TaskSource, TaskStatus } from './workspace-api';
import { STATUS_LABELS, STATUSES } from './workspace-format';
import { useCreateTask, useUpdateTask, useWorkspaceOptions } from './use-workspace';

export interface TaskPrefill {
  title?: string;
  seller?: { id: string; name: string } | null;
  dueAt?: string | null;
  description?: string | null;
  source?: TaskSource;
  sourceRef?: string | null;
  /** What the source is, for people: "communication #12 Mid-year review". */
  sourceLabel?: string;
  priority?: string;
}

export interface TaskQuickModalProps {
  opened: boolean;
  /** Edit this task; otherwise a new one with `prefill`. */
  task?: Task | null;
  prefill?: TaskPrefill;
  onClose: () => void;
  onSaved?: (task: Task) => void;
}

export function TaskQuickModal(props: TaskQuickModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.task ? `Edit task #${props.task.id}` : 'New task'}
      centered
      size="lg"
    >
      {props.opened ? <TaskForm {...props} /> : null}
    </Modal>
  );
}

function TaskForm({ task, prefill = {}, onClose, onSaved }: TaskQuickModalProps) {
  const create = useCreateTask();
  const update = useUpdateTask();
  const saving = task ? update : create;
  const options = useWorkspaceOptions();
  const today = options.data?.today ?? new Date().toISOString().slice(0, 10);
  const [title, setTitle] = useState(task?.title ?? prefill.title ?? '');
  const [seller, setSeller] = useState(
    task?.sellerId ? { id: task.sellerId, name: task.sellerName ?? task.sellerId } : (prefill.seller ?? null),
  );
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'todo');
  const [owner, setOwner] = useState<string | null>(
    task ? task.owner : (options.data?.me.displayName ?? null),
  );
  const [dueAt, setDueAt] = useState(task?.dueAt ?? prefill.dueAt ?? '');
  const [priority, setPriority] = useState(task?.priority ?? prefill.priority ?? 'normal');
  const [tags, setTags] = useState<string[]>(task?.tags ?? []);
  const [recurrence, setRecurrence] = useState<string | null>(task?.recurrence ?? null);
  const [description, setDescription] = useState(task?.description ?? prefill.description ?? '');
  const [submitted, setSubmitted] = useState(false);
  const problems = {
    title: !title.trim()
      ? 'Give the task a title.'
      : title.trim().length > 200
        ? 'Keep the title under 200 characters.'
        : null,
    dueAt: !task && dueAt && dueAt < today ? 'The due date is in the past.' : null,
  };
  const ownerOptions = [...new Set([...(options.data?.owners ?? []), ...(owner ? [owner] : [])])];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.title || problems.dueAt) return;
    const draft: TaskDraft = {
      title: title.trim(),
      sellerId: seller?.id ?? null,
      status,
      owner,
      dueAt: dueAt || null,
      priority,
      tags,
      recurrence,
      description: description.trim() || null,
    };
    const done = (result: { task: Task }) => {
      onSaved?.(result.task);
      onClose();
    };
    if (task) update.mutate({ id: task.id, draft }, { onSuccess: done });
    else
      create.mutate(
        {
          ...draft,
          ...(prefill.source ? { source: prefill.source, sourceRef: prefill.sourceRef ?? null } : {}),
        },
        { onSuccess: done },
      );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="task-quick-form">
      <Stack gap="md">
        {prefill.sourceLabel && !task ? (
          <Text size="sm" c="dimmed" data-testid="task-source">
            Linked to {prefill.sourceLabel}
          </Text>
        ) : null}
        <TextInput
          label="Title"
          withAsterisk
          data-autofocus
          value={title}
          error={submitted ? problems.title : null}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="task-title"
        />
        <SellerPicker value={seller} onChange={setSeller} label="Seller (optional)" />
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Status"
            data={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            onChange={(v) => setStatus((v as TaskStatus | null) ?? 'todo')}
            allowDeselect={false}
          />
          <Select label="Owner" data={ownerOptions} value={owner} onChange={setOwner} searchable clearable />
        </Group>
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label="Due"
            value={dueAt}
            error={submitted ? problems.dueAt : null}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            data-testid="task-due"
          />
          <Select
            label="Priority"
            data={['low', 'normal', 'high', 'urgent']}
            value={priority}
            onChange={(v) => setPriority(v ?? 'normal')}
            allowDeselect={false}
          />
          <Select
            label="Repeats"
            data={[
              { value: 'weekly', label: 'Every week' },
              { value: 'monthly', label: 'Every month' },
            ]}
            placeholder="Does not repeat"
            value={recurrence}
            onChange={setRecurrence}
            clearable
          />
        </Group>
        <TagsInput
          label="Tags"
          description="Press Enter after each tag."
          data={options.data?.tags ?? []}
          value={tags}
          onChange={setTags}
          clearable
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={8}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <FormError error={saving.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending} data-testid="task-submit">
            {task ? 'Save task' : 'Create task'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
