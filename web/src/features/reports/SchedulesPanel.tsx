// Managers switch the weekly and monthly schedules on, set when they run (cron, workspace time
// zone) and the formats. A run missed while the server was down runs when it starts.
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { FORMAT_LABELS, type ReportFormat, type ReportSchedule } from './reports-api';
import { useSaveSchedule, useSchedules } from './use-reports';

function ScheduleCard({ schedule, formats }: { schedule: ReportSchedule; formats: ReportFormat[] }) {
  const save = useSaveSchedule();
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [cron, setCron] = useState(schedule.cron);
  const [chosen, setChosen] = useState<string[]>(schedule.formats);
  useEffect(() => {
    setEnabled(schedule.enabled);
    setCron(schedule.cron);
    setChosen(schedule.formats);
  }, [schedule]);
  const name = schedule.kind === 'weekly' ? 'Weekly report' : 'Monthly report';
  return (
    <Card data-testid={`schedule-${schedule.kind}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{name}</Text>
          <Badge color={schedule.enabled ? 'green' : 'gray'} variant="light">
            {schedule.enabled ? 'on' : 'off'}
          </Badge>
        </Group>
        <Switch label="Write it on schedule" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <TextInput label="When (cron, workspace time zone)" description="minute hour day-of-month month weekday — “0 8 * * 1” is Mondays 08:00" value={cron} onChange={(e) => setCron(e.currentTarget.value)} />
        <Checkbox.Group label="Formats" value={chosen} onChange={setChosen}>
          <Group gap="md" mt={4}>
            {formats.map((f) => (
              <Checkbox key={f} value={f} label={FORMAT_LABELS[f]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text size="xs" c="dimmed">
          {schedule.nextRun ? `Next run ${schedule.nextRun.slice(0, 16).replace('T', ' ')} UTC` : 'Not scheduled'}
        </Text>
        {save.isError ? <FormError error={save.error} /> : null}
        <Group justify="flex-end">
          <Button size="sm" loading={save.isPending} onClick={() => save.mutate({ kind: schedule.kind, input: { enabled, cron, formats: chosen as ReportFormat[] } })}>
            Save schedule
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function SchedulesPanel({ formats }: { formats: ReportFormat[] }) {
  const schedules = useSchedules();
  if (schedules.isPending) return <Skeleton height={300} />;
  if (schedules.isError) return <ErrorPanel title="Could not load the schedules" error={schedules.error} onRetry={() => void schedules.refetch()} />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {schedules.data.map((s) => (
        <ScheduleCard key={s.kind} schedule={s} formats={formats} />
      ))}
    </SimpleGrid>
  );
}
