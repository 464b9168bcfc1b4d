// "Log contact" with the seller of an opportunity: how (call, meeting, e-mail, chat, on site),
// which way, a subject, what was said and agreed, and an optional next action with a due date.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import type { Opportunity } from './opportunities-api';
import { channelLabel } from './opportunity-format';
import { useLogOpportunityContact } from './use-opportunities';

export interface ContactModalProps {
  opportunity: Opportunity | null;
  today: string;
  channels: string[];
  onClose: () => void;
  onLogged: () => void;
}

export function ContactModal(props: ContactModalProps) {
  return (
    <Modal opened={props.opportunity !== null} onClose={props.onClose} title={`Log contact${props.opportunity?.sellerName ? ` with ${props.opportunity.sellerName}` : ''}`} centered size="lg">
      {props.opportunity ? <ContactForm {...props} opportunity={props.opportunity} /> : null}
    </Modal>
  );
}

function ContactForm({ opportunity, today, channels, onClose, onLogged }: ContactModalProps & { opportunity: Opportunity }) {
  const log = useLogOpportunityContact();
  const [channel, setChannel] = useState('call');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [subject, setSubject] = useState('');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problems = {
    subject: !subject.trim() ? 'Give the contact a subject.' : null,
    nextAction: dueAt && !nextAction.trim() ? 'A due date needs a next action.' : null,
    dueAt: dueAt && dueAt < today ? 'The due date is in the past.' : null,
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.subject || problems.nextAction || problems.dueAt) return;
    const draft = {
      channel,
      direction,
      subject: subject.trim(),
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      ...(nextAction.trim() ? { nextAction: nextAction.trim() } : {}),
      dueAt: dueAt || null,
    };
    log.mutate(
      { opportunity, draft },
      {
        onSuccess: () => {
          onLogged();
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="md">
        <Group grow align="flex-end" gap="sm">
          <Select label="Channel" data={channels.map((c) => ({ value: c, label: channelLabel(c) }))} value={channel} onChange={(v) => setChannel(v ?? 'call')} allowDeselect={false} />
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as 'outbound' | 'inbound')}
            data={[
              { value: 'outbound', label: 'We reached out' },
              { value: 'inbound', label: 'They reached out' },
            ]}
          />
        </Group>
        <TextInput label="Subject" placeholder="e.g. Live selling pitch" data-autofocus value={subject} error={submitted ? problems.subject : null} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="contact-subject" />
        <Textarea label="Summary" autosize minRows={2} maxRows={6} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        <TextInput label="Outcome" placeholder="e.g. agreed to a trial livestream" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
        <Group grow align="flex-start" gap="sm">
          <TextInput label="Next action" value={nextAction} error={submitted ? problems.nextAction : null} onChange={(e) => setNextAction(e.currentTarget.value)} />
          <TextInput type="date" label="Due" value={dueAt} min={today} error={submitted ? problems.dueAt : null} onChange={(e) => setDueAt(e.currentTarget.value)} />
        </Group>
        <FormError error={log.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            Log contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
