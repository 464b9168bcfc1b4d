// Quick entry of a communication: from the seller page (seller fixed), the team log (pick the
// seller) or anywhere else that knows the seller. Channel, direction, subject, what was said and
// agreed, and an optional next action with due date and owner.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { SellerPicker } from './SellerPicker';
import type { Communication } from './workspace-api';
import { CHANNEL_LABELS } from './workspace-format';
import { useLogCommunication, useWorkspaceOptions } from './use-workspace';

export interface ContactQuickModalProps {
  opened: boolean;
  /** The seller, when the modal is opened from one; otherwise the form asks. */
  seller: { id: string; name: string } | null;
  onClose: () => void;
  onLogged?: (communication: Communication) => void;
}

export function ContactQuickModal(props: ContactQuickModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.seller ? `Log contact with ${props.seller.name}` : 'Log contact'}
      centered
      size="lg"
    >
      {props.opened ? <ContactForm {...props} /> : null}
    </Modal>
  );
}

function ContactForm({ seller: fixedSeller, onClose, onLogged }: ContactQuickModalProps) {
  const log = useLogCommunication();
  const options = useWorkspaceOptions();
  const today = options.data?.today ?? new Date().toISOString().slice(0, 10);
  const [seller, setSeller] = useState(fixedSeller);
  const [channel, setChannel] = useState('call');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [subject, setSubject] = useState('');
  const [participants, setParticipants] = useState('');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [owner, setOwner] = useState<string | null>(options.data?.me.displayName ?? null);
  const [submitted, setSubmitted] = useState(false);
  const problems = {
    seller: !seller ? 'Pick the seller.' : null,
    subject: !subject.trim() ? 'Give the contact a subject.' : null,
    nextAction: dueAt && !nextAction.trim() ? 'A due date needs a next action.' : null,
    dueAt: dueAt && dueAt < today ? 'The due date is in the past.' : null,
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!seller || Object.values(problems).some(Boolean)) return;
    log.mutate(
      {
        sellerId: seller.id,
        channel,
        direction,
        subject: subject.trim(),
        participants: participants.trim() || null,
        summary: summary.trim() || null,
        outcome: outcome.trim() || null,
        nextAction: nextAction.trim() || null,
        dueAt: dueAt || null,
        owner: nextAction.trim() ? owner : null,
      },
      {
        onSuccess: (communication) => {
          onLogged?.(communication);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-quick-form">
      <Stack gap="md">
        {fixedSeller ? null : (
          <SellerPicker
            value={seller}
            onChange={setSeller}
            required
            error={submitted ? problems.seller : null}
          />
        )}
        <Group grow align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Channel"
            data={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
            value={channel}
            onChange={(v) => setChannel(v ?? 'call')}
            allowDeselect={false}
            data-testid="contact-channel"
          />
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as 'outbound' | 'inbound')}
            data={[
              { value: 'outbound', label: 'We reached out' },
              { value: 'inbound', label: 'They reached out' },
            ]}
          />
        </Group>
        <TextInput
          label="Subject"
          withAsterisk
          placeholder="e.g. Live selling pitch"
          data-autofocus
          value={subject}
          error={submitted ? problems.subject : null}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="contact-subject"
        />
        <TextInput
          label="People involved"
          placeholder="e.g. Ana (us), Budi (shop owner)"
          value={participants}
          onChange={(e) => setParticipants(e.currentTarget.value)}
        />
        <Textarea
          label="Summary"
          autosize
          minRows={2}
          maxRows={6}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          data-testid="contact-summary"
        />
        <TextInput
          label="Outcome"
          placeholder="e.g. agreed to a trial livestream"
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
        />
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Next action"
            value={nextAction}
            error={submitted ? problems.nextAction : null}
            onChange={(e) => setNextAction(e.currentTarget.value)}
            data-testid="contact-next-action"
          />
          <TextInput
            type="date"
            label="Due"
            value={dueAt}
            min={today}
            error={submitted ? problems.dueAt : null}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            data-testid="contact-due"
          />
          <Select
            label="Owner"
            data={options.data?.owners ?? []}
            value={owner}
            onChange={setOwner}
            searchable
            clearable
            disabled={!nextAction.trim()}
          />
        </Group>
        <FormError error={log.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending} data-testid="contact-submit">
            Log contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
