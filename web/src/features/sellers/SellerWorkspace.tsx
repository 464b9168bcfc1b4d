// The follow-up work about this seller: its notes (from the workspace's notes), and the places the
// communications timeline and tasks take when the workspace brings them.
import { Card, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { formatDate } from '../../ui/format';
import { useSellerNotes } from './use-seller';

function Planned({ title, children, testId }: { title: string; children: string; testId: string }) {
  return (
    <Card data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {children}
      </Text>
    </Card>
  );
}

export function SellerWorkspace({ id }: { id: string }) {
  const notes = useSellerNotes(id);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Planned title="Communications" testId="seller-communications">
        Calls, meetings and messages with this seller will show here as a timeline.
      </Planned>
      <Planned title="Tasks" testId="seller-tasks">
        Open tasks about this seller will show here.
      </Planned>
      <Card data-testid="seller-notes">
        <Text fw={600} size="sm" mb={4}>
          Notes
        </Text>
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
      </Card>
    </SimpleGrid>
  );
}
