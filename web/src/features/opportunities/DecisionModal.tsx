// Dismiss or snooze an opportunity, always with a reason (the team sees who decided what and why);
// a snooze also needs a date after today — quick picks for the usual ones.
import { useState, type FormEvent } from 'react';
import { Button, Chip, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { formatDate } from '../../ui/format';
import type { Opportunity } from './opportunities-api';
import { addDays, SNOOZE_PRESETS } from './opportunity-format';
import { useDecideOpportunity } from './use-opportunities';

export interface DecisionModalProps {
  kind: 'dismiss' | 'snooze';
  opportunity: Opportunity | null;
  today: string;
  onClose: () => void;
}

export function DecisionModal({ kind, opportunity, today, onClose }: DecisionModalProps) {
  return (
    <Modal opened={opportunity !== null} onClose={onClose} title={kind === 'dismiss' ? 'Dismiss opportunity' : 'Snooze opportunity'} centered>
      {opportunity ? <DecisionForm kind={kind} opportunity={opportunity} today={today} onClose={onClose} /> : null}
    </Modal>
  );
}

export function reasonProblem(reason: string): string | null {
  if (!reason.trim()) return 'Say why, in a few words.';
  if (reason.trim().length > 500) return 'Keep it under 500 characters.';
  return null;
}

export function untilProblem(until: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return 'Pick the date it should come back.';
  if (until <= today) return 'Pick a date after today.';
  if (until > addDays(today, 365)) return 'Pick a date within a year, or dismiss it instead.';
  return null;
}

function DecisionForm({ kind, opportunity, today, onClose }: { kind: 'dismiss' | 'snooze'; opportunity: Opportunity; today: string; onClose: () => void }) {
  const decide = useDecideOpportunity();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(addDays(today, 14));
  const [submitted, setSubmitted] = useState(false);
  const problems = { reason: reasonProblem(reason), until: kind === 'snooze' ? untilProblem(until, today) : null };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.reason || problems.until) return;
    const decision = kind === 'dismiss' ? { kind, reason: reason.trim() } : { kind, until, reason: reason.trim() };
    decide.mutate({ opportunity, decision }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="md">
        <Text size="sm">
          <b>{opportunity.sellerName ?? opportunity.subcategoryName}</b> — {opportunity.title}.{' '}
          {kind === 'dismiss' ? 'It stays hidden until someone restores it.' : 'It comes back on the date you pick.'}
        </Text>
        {kind === 'snooze' ? (
          <Stack gap={6}>
            <TextInput
              type="date"
              label="Snooze until"
              value={until}
              min={addDays(today, 1)}
              max={addDays(today, 365)}
              error={submitted ? problems.until : null}
              onChange={(event) => setUntil(event.currentTarget.value)}
              data-testid="snooze-until"
            />
            <Chip.Group>
              <Group gap={6}>
                {SNOOZE_PRESETS.map((preset) => {
                  const date = addDays(today, preset.days);
                  return (
                    <Chip key={preset.label} size="xs" checked={until === date} onChange={() => setUntil(date)} title={formatDate(date)}>
                      {preset.label}
                    </Chip>
                  );
                })}
              </Group>
            </Chip.Group>
          </Stack>
        ) : null}
        <Textarea
          label="Reason"
          description="Shown with the opportunity and kept in the audit log."
          placeholder={kind === 'dismiss' ? 'e.g. brand does not sell live by policy' : 'e.g. owner on leave until then'}
          autosize
          minRows={2}
          maxRows={6}
          data-autofocus
          value={reason}
          error={submitted ? problems.reason : null}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="decision-reason"
        />
        <FormError error={decide.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={decide.isPending} color={kind === 'dismiss' ? 'red' : undefined}>
            {kind === 'dismiss' ? 'Dismiss' : 'Snooze'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
