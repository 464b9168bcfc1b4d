// Step 1: pick what the file holds and drop it (or choose it). Shows the upload's progress and the
// server's refusal (too large, unsupported type) in its own words.
import { Button, Card, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { FormError } from '../../ui/FormError';
import { acceptedFiles, isImportKind, isRecordingKind, kindOptions } from './import-choices';
import type { ImportKind } from './imports-api';
import classes from './UploadPanel.module.css';

export interface UploadPanelProps {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onFile: (file: File) => void;
  uploading: boolean;
  progress: number;
  error: unknown;
}

export function UploadPanel({ kind, onKindChange, onFile, uploading, progress, error }: UploadPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !uploading) onFile(file);
  };
  return (
    <Card data-testid="import-upload">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <div>
            <Text fw={600} size="sm">
              New import
            </Text>
            <Text size="xs" c="dimmed">
              {isRecordingKind(kind)
                ? 'A JSON-lines recording of a LIVE (.jsonl). You check it before anything is loaded.'
                : 'Excel (.xlsx) or CSV. You check how it reads before anything is loaded.'}
            </Text>
          </div>
          <Select
            label="The file holds"
            size="sm"
            w={260}
            data={kindOptions}
            value={kind}
            allowDeselect={false}
            disabled={uploading}
            onChange={(value) => {
              if (isImportKind(value)) onKindChange(value);
            }}
          />
        </Group>
        <div
          className={classes.zone}
          data-dragging={dragging || undefined}
          data-busy={uploading || undefined}
          data-testid="import-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <UploadIcon />
          <Text size="sm" fw={500}>
            Drop a file here
          </Text>
          <Text size="xs" c="dimmed">
            or
          </Text>
          <Button size="xs" variant="default" onClick={() => input.current?.click()} loading={uploading}>
            Choose a file
          </Button>
          <input
            ref={input}
            type="file"
            accept={acceptedFiles(kind)}
            hidden
            aria-label="File to import"
            data-testid="import-file-input"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) onFile(file);
            }}
          />
        </div>
        {uploading ? (
          <Stack gap={4} data-testid="import-upload-progress">
            <Text size="xs" c="dimmed">
              Uploading… {Math.round(progress * 100)}%
            </Text>
            <Progress value={progress * 100} size="sm" aria-label="Upload progress" />
          </Stack>
        ) : null}
        <FormError error={error} />
      </Stack>
    </Card>
  );
}

function UploadIcon() {
  return (
    <svg
      className={classes.icon}
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M12 15V4" />
      <path d="m8 8 4-4 4 4" />
      <path d="M4 15v4.5h16V15" />
    </svg>
  );
}
