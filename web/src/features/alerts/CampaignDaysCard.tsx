// The planned peaks the anomaly detector leaves out: the built-in calendar (shown as the next few
// dates, so people can check it) and the manager's own days, which managers add and remove here.
import { useState, type FormEvent } from 'react';
import { Badge, Button, CloseButton, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDate, formatShortDate } from '../../ui/format';
import { useCampaignDays, useSaveCampaignDays } from './use-alerts';

const UPCOMING = 8;

export function CampaignDaysCard({ canEdit, today }: { canEdit: boolean; today: string }) {
  const calendar = useCampaignDays();
  const save = useSaveCampaignDays();
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  if (calendar.isPending) return <Skeleton height={90} radius="md" />;
  if (calendar.isError) {
    return <ErrorPanel title="The campaign calendar could not be loaded" error={calendar.error} onRetry={() => void calendar.refetch()} retrying={calendar.isFetching} />;
  }
  const { extra, days } = calendar.data;
  const upcoming = days.filter((d) => d.date >= today).slice(0, UPCOMING);
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate([...extra, { date, label: label.trim() || 'Campaign' }], {
      onSuccess: () => {
        setDate('');
        setLabel('');
      },
    });
  };
  return (
    <Stack gap="sm" data-testid="campaign-days">
      <div>
        <Title order={2} size="h3">
          Campaign days
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          Planned peaks are never an anomaly and never part of a baseline: every double day (1.1 to 12.12), the warm-up day before
          9.9, 10.10, 11.11 and 12.12, Black Friday and Cyber Monday{canEdit ? ', and the days you add here' : ', and days managers add'}.
        </Text>
      </div>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Coming up:{' '}
        </Text>
        {upcoming.length ? upcoming.map((d) => `${formatShortDate(d.date)} ${d.label}`).join(' · ') : 'none in the next year'}
      </Text>
      {extra.length ? (
        <Group gap="xs" wrap="wrap">
          {extra.map((d) => (
            <Badge
              key={d.date}
              variant="light"
              color="gray"
              radius="sm"
              size="lg"
              tt="none"
              fw={500}
              rightSection={
                canEdit ? (
                  <CloseButton size="xs" aria-label={`Remove ${d.label} on ${formatDate(d.date)}`} onClick={() => save.mutate(extra.filter((x) => x.date !== d.date))} />
                ) : null
              }
            >
              {formatDate(d.date)} · {d.label}
            </Badge>
          ))}
        </Group>
      ) : null}
      {canEdit ? (
        <form onSubmit={add} noValidate>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput label="Add a day" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required w={{ base: '100%', xs: 170 }} />
            <TextInput label="Name" placeholder="e.g. Brand day" value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={60} w={{ base: '100%', xs: 220 }} />
            <Button type="submit" variant="default" disabled={!date} loading={save.isPending}>
              Add day
            </Button>
          </Group>
        </form>
      ) : null}
      <FormError error={save.error} />
    </Stack>
  );
}
