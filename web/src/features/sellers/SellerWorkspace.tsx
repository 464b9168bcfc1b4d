// The follow-up work about this seller, from the workspace: the communications timeline with last
// contact and overdue follow-ups, the open tasks, and its notes.
import { useState } from 'react';
import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { formatDate } from '../../ui/format';
import { useCan } from '../auth/session-context';
import { NoteFormModal } from '../notes/NoteFormModal';
import { SellerTasksCard } from '../workspace/SellerTasksCard';
import { SellerTimelineCard } from '../workspace/SellerTimelineCard';
import { useSellerNotes } from './use-seller';

export function SellerWorkspace({ id, name }: { id: string; name: string }) {
  const notes = useSellerNotes(id);
  const canWrite = useCan('write');
  const [writing, setWriting] = useState(false);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <SellerTimelineCard sellerId={id} sellerName={name} />
      <SellerTasksCard sellerId={id} sellerName={name} />
      <Card data-testid="seller-notes">
        <Group justify="space-between" gap="xs" mb={4}>
          <Text fw={600} size="sm">
            Notes
          </Text>
          {canWrite ? (
            <Button size="compact-sm" variant="light" onClick={() => setWriting(true)} data-testid="seller-new-note">
              New note
            </Button>
          ) : null}
        </Group>
        {notes.isPending ? (
          <Skeleton height={60} />
        ) : notes.isError ? (
          <Text size="sm" c="red.7">
            The notes could not be loaded.
          </Text>
        ) : notes.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No notes about this seller yet.
          </Text>
        ) : (
          <Stack gap={6}>
            {notes.data.slice(0, 5).map((note) => (
              <div key={note.id}>
                <Text size="sm" fw={500} lineClamp={1}>
                  {note.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {formatDate(note.updatedAt.slice(0, 10))} · {note.createdBy}
                  {note.bodyMd ? ` — ${note.bodyMd}` : ''}
                </Text>
              </div>
            ))}
          </Stack>
        )}
        <NoteFormModal opened={writing} note={null} seller={{ id, name }} onClose={() => setWriting(false)} />
      </Card>
    </SimpleGrid>
  );
}
