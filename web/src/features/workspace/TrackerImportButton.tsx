// Import a tracker sheet (.xlsx): the button in the toolbar, and under it the result in one line or
// every refused cell listed by row and column — nothing is loaded until the sheet has no problem left.
import { Alert, Button, FileButton, List, Text } from '@mantine/core';
import { TrackerImportError } from './workspace-api';
import type { useImportTracker } from './use-workspace';

type Upload = ReturnType<typeof useImportTracker>;

export function TrackerImportButton({
  upload,
  onPicked,
}: {
  upload: Upload;
  onPicked: (file: File) => void;
}) {
  return (
    <FileButton
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      onChange={(picked) => {
        if (!picked) return;
        onPicked(picked);
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
  );
}

export function TrackerImportResult({ upload, fileName }: { upload: Upload; fileName: string | null }) {
  if (upload.isSuccess) {
    return (
      <Alert
        color="teal"
        variant="light"
        withCloseButton
        onClose={() => upload.reset()}
        data-testid="tracker-import-result"
      >
        {fileName}: {upload.data.inserted} new, {upload.data.updated} updated
        {upload.data.blankRows ? `, ${upload.data.blankRows} blank rows skipped` : ''}.
      </Alert>
    );
  }
  const error = upload.error;
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      withCloseButton
      onClose={() => upload.reset()}
      title={`${fileName ?? 'The sheet'}: nothing was imported`}
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
          {error.problems.length > 20 ? <List.Item>… and {error.problems.length - 20} more</List.Item> : null}
        </List>
      ) : null}
    </Alert>
  );
}
