// "Create task" from an opportunity: a title (suggested from the seller and the rule), the reason
// as the description, a due date, priority and owner (the seller's owner unless changed). The task
// is linked to the opportunity, which then shows "Task #… open".
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import type { Opportunity } from './opportunities-api';
import { addDays } from './opportunity-format';
import { useCreateOpportunityTask } from './use-opportunities';

export interface TaskModalProps {
  opportunity: Opportunity | null;
  today: string;
  priorities: string[];
  owners: { id: number; name: string }[];
  onClose: () => void;
  onCreated: (task: { id: number; title: string }) => void;
}

export function TaskModal(props: TaskModalProps) {
  return (
    <Modal opened={props.opportunity !== null} onClose={props.onClose} title="Create task" centered size="lg">
      {props.opportunity ? <TaskForm {...props} opportunity={props.opportunity} /> : null}
    </Modal>
  );
}

export function suggestedTitle(o: Opportunity): string {
  const who = o.sellerName ?? o.subcategoryName ?? o.subject;
  return `${who} — ${o.title}`.slice(0, 200);
}

function TaskForm({ opportunity, today, priorities, owners, onClose, onCreated }: TaskModalProps & { opportunity: Opportunity }) {
  const create = useCreateOpportunityTask();
  const [title, setTitle] = useState(suggestedTitle(opportunity));
  const [description, setDescription] = useState(opportunity.reason);
  const [dueAt, setDueAt] = useState(addDays(today, 7));
  const [priority, setPriority] = useState<string>(opportunity.severity === 'high' ? 'high' : 'normal');
  const [owner, setOwner] = useState<string | null>(opportunity.ownerName);
  const [submitted, setSubmitted] = useState(false);
  const problems = {
    title: !title.trim() ? 'Give the task a title.' : title.trim().length > 200 ? 'Keep the title under 200 characters.' : null,
    dueAt: dueAt && dueAt < today ? 'The due date is in the past.' : null,
  };
  const ownerNames = [...new Set([...owners.map((o) => o.name), ...(opportunity.ownerName ? [opportunity.ownerName] : [])])];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.title || problems.dueAt) return;
    create.mutate(
      { opportunity, draft: { title: title.trim(), description, dueAt: dueAt || null, priority, owner } },
      {
        onSuccess: (task) => {
          onCreated(task);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="md">
        <TextInput label="Title" data-autofocus value={title} error={submitted ? problems.title : null} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="task-title" />
        <Group grow align="flex-start" gap="sm">
          <TextInput type="date" label="Due" value={dueAt} min={today} error={submitted ? problems.dueAt : null} onChange={(e) => setDueAt(e.currentTarget.value)} data-testid="task-due" />
          <Select label="Priority" data={priorities.map((p) => ({ value: p, label: p.charAt(0).toUpperCase() + p.slice(1) }))} value={priority} onChange={(v) => setPriority(v ?? 'normal')} allowDeselect={false} />
        </Group>
        <Select label="Owner" placeholder="Nobody yet" data={ownerNames} value={owner} onChange={setOwner} clearable searchable />
        <Textarea label="Description" autosize minRows={3} maxRows={8} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <FormError error={create.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
