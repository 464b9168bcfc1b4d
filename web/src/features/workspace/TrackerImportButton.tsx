// Import a tracker sheet (.xlsx): the result in one line, or every refused cell listed by row and
// column — nothing is loaded until the sheet has no problem left.
import { useState } from 'react';
import { Alert, Button, FileButton, List, Text } from '@mantine/core';
import { TrackerImportError } from './workspace-api';
import { useImportTracker } from './use-workspace';

export function TrackerImportButton() {
  const upload = useImportTracker();
  const [file, setFile] = useState<string | null>(null);
  const error = upload.error;
  return (
    <>
      <FileButton
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(picked) => {
          if (!picked) return;
          setFile(picked.name);
          upload.mutate(picked);
        }}
      >
        {(props) => (
          <Button
            variant="default"
            size="sm"
            loading={upload.isPending}
            {...props}
            data-testid="tracker-import"
          >
            Import xlsx
          </Button>
        )}
      </FileButton>
      {upload.isSuccess ? (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={() => upload.reset()}
          w="100%"
          data-testid="tracker-import-result"
        >
          {file}: {upload.data.inserted} new, {upload.data.updated} updated
          {upload.data.blankRows ? `, ${upload.data.blankRows} blank rows skipped` : ''}.
        </Alert>
      ) : null}
      {error ? (
        <Alert
          color="red"
          variant="light"
          withCloseButton
          onClose={() => upload.reset()}
          title="Nothing was imported"
          w="100%"
          data-testid="tracker-import-error"
        >
          <Text size="sm">{error.message}</Text>
          {error instanceof TrackerImportError && error.problems.length > 0 ? (
            <List size="sm" mt="xs" spacing={2}>
              {error.problems.slice(0, 20).map((p) => (
                <List.Item key={`${p.row}-${p.column}`}>
                  Row {p.row}, {p.column} “{p.value}”: {p.message}
                </List.Item>
              ))}
              {error.problems.length > 20 ? (
                <List.Item>… and {error.problems.length - 20} more</List.Item>
              ) : null}
            </List>
          ) : null}
        </Alert>
      ) : null}
    </>
  );
}
