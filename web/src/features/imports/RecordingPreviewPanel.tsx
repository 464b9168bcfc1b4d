// Step 2 for a live event recording: instead of a column mapping, what its lines hold — events by
// name and their time span — the session they will be stored under (matched by the recording's
// roomId, or typed), and every malformed line with its line number. Then the load, all or nothing
// unless the malformed lines are skipped.
import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatCount, formatCountOf, formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import type { RecordingPreview } from './imports-api';
import { RowErrorsTable } from './RowErrorsTable';
import type { DraftAction, ImportDraft } from './use-import-draft';
import type { useRecordingPreview } from './use-imports';

export interface RecordingPreviewPanelProps {
  draft: ImportDraft;
  preview: ReturnType<typeof useRecordingPreview>;
  dispatch: (action: DraftAction) => void;
  onLoad: () => void;
  loading: boolean;
  loadError: unknown;
}

export function RecordingPreviewPanel({
  draft,
  preview,
  dispatch,
  onLoad,
  loading,
  loadError,
}: RecordingPreviewPanelProps) {
  const data = preview.data;
  return (
    <Card data-testid="import-preview">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <div>
            <Group gap={8}>
              <Text fw={600} size="sm" data-testid="import-file-name">
                {draft.upload.file}
              </Text>
              <Badge size="sm" variant="light" color="grape" radius="sm">
                Live event recording
              </Badge>
              {preview.isFetching ? <Loader size="xs" aria-label="Reading the recording" /> : null}
            </Group>
            <Text size="xs" c="dimmed">
              Check what the recording holds. Nothing is loaded until you confirm.
            </Text>
          </div>
          <Button size="xs" variant="subtle" color="gray" onClick={() => dispatch({ type: 'discard' })}>
            Start over
          </Button>
        </Group>
        <SessionInput
          value={draft.request.livestream}
          onChange={(livestream) => dispatch({ type: 'livestream', livestream })}
        />
        {preview.isError ? (
          <ErrorPanel
            title="The recording could not be read"
            error={preview.error}
            onRetry={() => void preview.refetch()}
            retrying={preview.isFetching}
          />
        ) : null}
        {data ? (
          <RecordingBody
            preview={data}
            skipInvalid={draft.skipInvalid}
            busy={preview.isFetching || loading}
            dispatch={dispatch}
            onLoad={onLoad}
            loading={loading}
            loadError={loadError}
          />
        ) : preview.isPending ? (
          <Text size="sm" c="dimmed">
            Reading the recording…
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The session id, sent when the field loses focus or on Enter (not on every key). */
function SessionInput({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = () => {
    if ((text.trim() || undefined) !== value) onChange(text.trim() || undefined);
  };
  return (
    <TextInput
      label="Session"
      description="Leave empty to match the session whose id is the recording's room id"
      placeholder="livestream id"
      size="xs"
      maw={360}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      data-testid="recording-session-input"
    />
  );
}

interface RecordingBodyProps {
  preview: RecordingPreview;
  skipInvalid: boolean;
  busy: boolean;
  dispatch: (action: DraftAction) => void;
  onLoad: () => void;
  loading: boolean;
  loadError: unknown;
}

function RecordingBody({
  preview,
  skipInvalid,
  busy,
  dispatch,
  onLoad,
  loading,
  loadError,
}: RecordingBodyProps) {
  const blocked =
    preview.session === null || preview.events === 0 || (preview.rowsRejected > 0 && !skipInvalid);
  return (
    <Stack gap="md">
      {preview.session ? (
        <Alert
          color={preview.session.hasRecording ? 'yellow' : 'teal'}
          variant="light"
          data-testid="recording-session"
        >
          Stored as the observed figures of <b>{preview.session.title ?? preview.session.id}</b> (
          {preview.session.seller}, {formatDateTime(preview.session.startedAt)}, id {preview.session.id})
          {preview.session.hasRecording ? ' — replacing the recording imported before.' : '.'}
        </Alert>
      ) : preview.sessionProblem ? (
        <Alert
          color="orange"
          variant="light"
          title="No session for this recording"
          data-testid="recording-session-problem"
        >
          <Text size="sm">{preview.sessionProblem.message}</Text>
          {preview.sessionProblem.hint ? (
            <Text size="sm" c="dimmed">
              {preview.sessionProblem.hint}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <Group justify="space-between" align="baseline" gap="sm" wrap="wrap">
        <Text fw={600} size="sm">
          Events
        </Text>
        <Group gap="md" data-testid="preview-counts">
          <Text size="xs" c="dimmed">
            <b>{formatCount(preview.rowsRead)}</b> lines
          </Text>
          <Text size="xs" c="dimmed">
            <b>{formatCount(preview.events)}</b> events
          </Text>
          <Text size="xs" c={preview.rowsRejected > 0 ? 'red.8' : 'dimmed'}>
            <b>{formatCount(preview.rowsRejected)}</b> malformed
          </Text>
          {preview.rowsSkipped > 0 ? (
            <Text size="xs" c="dimmed">
              <b>{formatCount(preview.rowsSkipped)}</b> blank
            </Text>
          ) : null}
        </Group>
      </Group>
      {preview.eventCounts.length > 0 ? (
        <Group gap={6} data-testid="recording-event-counts">
          {preview.eventCounts.map((e) => (
            <Badge key={e.event} variant="outline" color="gray" radius="sm" tt="none">
              {e.event} · {formatCount(e.count)}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          No readable events.
        </Text>
      )}
      {preview.firstEventAt ? (
        <Text size="xs" c="dimmed">
          From {formatDateTime(preview.firstEventAt)} to {formatDateTime(preview.lastEventAt)}
          {preview.rooms.length > 0 ? ` · room ${preview.rooms.map((r) => r.room).join(', ')}` : ''}
        </Text>
      ) : null}
      {preview.errors.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Malformed lines
          </Text>
          <RowErrorsTable errors={preview.errors} lines />
        </Stack>
      ) : null}
      <FormError error={loadError} />
      <Group justify="flex-end" gap="md" wrap="wrap" data-testid="load-bar">
        {preview.rowsRejected > 0 ? (
          <Checkbox
            label={`Skip the ${formatCountOf(preview.rowsRejected, 'malformed line')} and load the rest`}
            checked={skipInvalid}
            onChange={(event) => dispatch({ type: 'skipInvalid', skipInvalid: event.currentTarget.checked })}
          />
        ) : null}
        <Button onClick={onLoad} disabled={blocked || busy} loading={loading} data-testid="load-button">
          {preview.session === null
            ? 'Choose the session first'
            : preview.rowsRejected > 0 && !skipInvalid
              ? 'Nothing can load until fixed'
              : `Load ${formatCountOf(preview.events, 'event')}`}
        </Button>
      </Group>
    </Stack>
  );
}
