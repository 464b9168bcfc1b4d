// The minute timeline card: every per-minute series on one chart with peaks and drop-offs marked,
// the list of those moments, and reviewer notes pinned to minutes — analysts and up pin them
// (clicking the chart picks the minute); the author or a manager removes them.
import { lazy, Suspense, useState } from 'react';
import {
  Button,
  Card,
  CloseButton,
  Group,
  NumberInput,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDateTime } from '../../ui/format';
import { useCan, useSession } from '../auth/session-context';
import type { Timeline } from './livestreams-api';
import { formatMinute } from './session-format';
import { useDeleteNote, usePinNote, useTimeline } from './use-livestreams';
import classes from './SessionPage.module.css';

const TimelineChart = lazy(() => import('./SessionCharts').then((m) => ({ default: m.TimelineChart })));

export function SessionTimeline({ id, currency }: { id: string; currency: string }) {
  const timeline = useTimeline(id);
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const canWrite = useCan('write');
  const [minute, setMinute] = useState<number | null>(null);
  const height = narrow ? 280 : 340;
  const data = timeline.data;
  return (
    <Card data-testid="timeline">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Text fw={600} size="sm" component="h2">
          Minute by minute
        </Text>
        {data && data.minutes.length > 0 ? (
          <Text size="xs" c="dimmed">
            {data.minutes.length} minutes{canWrite ? ' · click a minute to pin a note' : ''}
          </Text>
        ) : null}
      </Group>
      {timeline.isError ? (
        <ErrorPanel
          title="The timeline could not be loaded"
          error={timeline.error}
          onRetry={() => void timeline.refetch()}
        />
      ) : !data ? (
        <Skeleton height={height} data-testid="timeline-loading" />
      ) : data.minutes.length === 0 ? (
        <Text size="sm" c="dimmed" py="lg" ta="center" data-testid="timeline-empty">
          No per-minute data for this session. Platforms keep it only for recent sessions; import it as{' '}
          <b>livestream_minutes</b> while it is available.
        </Text>
      ) : (
        <Stack gap="md">
          <Suspense fallback={<Skeleton height={height} />}>
            <TimelineChart
              timeline={data}
              currency={currency}
              height={height}
              onPickMinute={canWrite ? setMinute : undefined}
            />
          </Suspense>
          <Moments timeline={data} />
        </Stack>
      )}
      {data ? (
        <MinuteNotes id={id} timeline={data} minute={minute} onMinute={setMinute} canWrite={canWrite} />
      ) : null}
    </Card>
  );
}

function Moments({ timeline }: { timeline: Timeline }) {
  if (timeline.events.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="moments-none">
        No clear peak or drop-off in the viewers curve.
      </Text>
    );
  }
  return (
    <Group gap="xs" data-testid="moments">
      {timeline.events.map((e) => (
        <Text key={`${e.kind}-${e.minute}`} size="xs" className={classes.moment} data-kind={e.kind}>
          <b>{formatMinute(e.kind === 'peak' ? e.minute : e.fromMinute)}</b> {e.label}
        </Text>
      ))}
    </Group>
  );
}

function MinuteNotes({
  id,
  timeline,
  minute,
  onMinute,
  canWrite,
}: {
  id: string;
  timeline: Timeline;
  minute: number | null;
  onMinute: (minute: number | null) => void;
  canWrite: boolean;
}) {
  const { user } = useSession();
  const canManage = useCan('manage');
  const pin = usePinNote(id);
  const remove = useDeleteNote(id);
  const [body, setBody] = useState('');
  const lastMinute = Math.max(
    0,
    timeline.minutes.at(-1)?.minute ?? Math.ceil((timeline.durationS ?? 60) / 60) - 1,
  );
  const submit = () => {
    if (minute === null || !body.trim()) return;
    pin.mutate({ minute, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <Stack gap="xs" mt="md" data-testid="minute-notes">
      <Text fw={600} size="sm" component="h3">
        Notes on the timeline
      </Text>
      {timeline.notes.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="notes-none">
          No notes yet.
          {canWrite
            ? ' Pin what happens at a minute — a flash deal, the host leaving the frame, audio dropping.'
            : ''}
        </Text>
      ) : (
        <Stack gap={4}>
          {timeline.notes.map((note) => (
            <Group
              key={note.id}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              className={classes.note}
              data-testid="note"
            >
              <Text size="xs" fw={700} className={classes.noteMinute}>
                {formatMinute(note.minute)}
              </Text>
              <Text size="sm" className={classes.noteBody}>
                {note.body}
                <Text span size="xs" c="dimmed">
                  {' '}
                  — {note.createdBy}, {formatDateTime(note.createdAt)}
                </Text>
              </Text>
              {note.createdBy === user.email || canManage ? (
                <CloseButton
                  size="sm"
                  aria-label={`Delete the note at ${formatMinute(note.minute)}`}
                  onClick={() => remove.mutate(note.id)}
                  disabled={remove.isPending}
                />
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {remove.isError ? <FormError error={remove.error} /> : null}
      {canWrite ? (
        <Group gap="xs" align="flex-end" wrap="wrap" data-testid="note-form">
          <NumberInput
            size="xs"
            label="Minute"
            min={0}
            max={lastMinute}
            w={90}
            value={minute ?? ''}
            onChange={(value) => onMinute(typeof value === 'number' ? value : null)}
            allowDecimal={false}
            data-testid="note-minute"
          />
          <Textarea
            size="xs"
            label="Note"
            placeholder="What happens at this minute"
            autosize
            minRows={1}
            maxRows={4}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            className={classes.noteInput}
            data-testid="note-body"
          />
          <Button
            size="xs"
            onClick={submit}
            loading={pin.isPending}
            disabled={minute === null || !body.trim()}
            data-testid="note-pin"
          >
            Pin note
          </Button>
        </Group>
      ) : null}
      {pin.isError ? <FormError error={pin.error} /> : null}
      {canWrite ? null : (
        <Text size="xs" c="dimmed">
          Analysts, managers and admins pin notes.
        </Text>
      )}
    </Stack>
  );
}
