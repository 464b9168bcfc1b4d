// Settings → Backup (admins): take a consistent backup of the running workspace and download it,
// with the commands that restore it. The server builds the file from one snapshot while it keeps
// serving; nothing is kept on the server afterwards.
import { useState } from 'react';
import { Alert, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { ApiError, readErrorBody } from '../../ui/api';
import { ErrorPanel } from '../../ui/ErrorPanel';

async function downloadBackup(): Promise<string> {
  const response = await fetch('/api/admin/backup', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/gzip' } });
  if (!response.ok) {
    const body = readErrorBody(await response.json().catch(() => null));
    throw new ApiError(body.message ?? `the backup failed (${response.status})`, response.status, body.hint, '/api/admin/backup', body.code);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'aisle-backup.tar.gz';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export function BackupPanel() {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await downloadBackup());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md" maw={760} data-testid="backup-panel">
      <Card padding="lg">
        <Title order={2} size="h4">
          Back up the workspace
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          One file (.tar.gz) with every table — sellers, facts, reviews, follow-up, users, settings and the audit log — taken
          from a single snapshot while Aisle keeps running. Keep it somewhere safe: it holds your team&apos;s data and the
          users&apos; password hashes.
        </Text>
        <Group mt="md">
          <Button onClick={() => void start()} loading={busy} data-testid="backup-download">
            Download a backup
          </Button>
          {saved ? (
            <Text size="sm" c="teal.8" data-testid="backup-saved">
              Saved as {saved}
            </Text>
          ) : null}
        </Group>
        {error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorPanel title="The backup was not taken" error={error} />
          </div>
        ) : null}
      </Card>
      <Card padding="lg">
        <Title order={3} size="h5">
          Restore
        </Title>
        <Text size="sm" mt={4}>
          A backup is restored from the command line into an <b>empty</b> data dir — it never overwrites a workspace:
        </Text>
        <Code block mt="xs">
          npx aisle --data-dir ./restored restore aisle-backup-2026-11-25T0812Z.tar.gz
        </Code>
        <List size="sm" mt="sm" spacing={4}>
          <List.Item>The file is checked before anything is written; a damaged or changed backup is refused.</List.Item>
          <List.Item>Every table&apos;s row count is compared with the backup&apos;s own count before the workspace appears.</List.Item>
          <List.Item>A backup from an older Aisle is brought up to the current schema when it is first opened.</List.Item>
        </List>
        <Alert variant="light" color="gray" mt="md" title="From scripts">
          <Text size="sm">
            <Code>npx aisle backup FILE</Code> backs up a data dir no server has open; while the server runs, add{' '}
            <Code style={{ whiteSpace: 'nowrap' }}>--server http://127.0.0.1:4173 --token $AISLE_TOKEN</Code> with an admin&apos;s API token.
          </Text>
        </Alert>
      </Card>
    </Stack>
  );
}
