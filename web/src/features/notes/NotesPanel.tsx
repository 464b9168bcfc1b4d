// The notes of the workspace, newest change first as the server sends them, filtered by tag and
// words (in the URL). Users with `write` add, edit and delete; everyone else reads.
import { Button, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { useCan } from '../auth/session-context';
import { NoteCard } from './NoteCard';
import { NoteFormModal } from './NoteFormModal';
import type { Note } from './notes-api';
import { useDeleteNote, useNotes } from './use-notes';

export function NotesPanel() {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const tag = params.get('tag') ?? undefined;
  const q = params.get('nq') ?? undefined;
  const notes = useNotes({ tag, q });
  const allNotes = useNotes();
  const tagOptions = [...new Set((allNotes.data ?? []).flatMap((n) => n.tags))].sort();
  const canWrite = useCan('write');
  const remove = useDeleteNote();
  const confirmDelete = useConfirmTarget<Note>();
  const [form, setForm] = useState<{ opened: boolean; note: Note | null }>({ opened: false, note: null });
  const openForm = (note: Note | null) => setForm({ opened: true, note });
  const closeDelete = () => {
    confirmDelete.close();
    remove.reset();
  };

  return (
    <>
      <Group justify="space-between" align="center" mb="md" gap="sm" maw={920}>
        <Text fw={600} size="sm">
          Notes
          {notes.data ? (
            <Text span c="dimmed" fw={400} size="sm">
              {' '}
              · {notes.data.length}
            </Text>
          ) : null}
        </Text>
        <Group gap="xs" wrap="wrap">
          <TextInput
            size="sm"
            placeholder="Search notes"
            aria-label="Search notes"
            defaultValue={q}
            w={180}
            onBlur={(e) => setParam('nq', e.currentTarget.value.trim() || null)}
            onKeyDown={(e) => e.key === 'Enter' && setParam('nq', e.currentTarget.value.trim() || null)}
          />
          <Select
            size="sm"
            placeholder="Any tag"
            aria-label="Tag"
            data={tagOptions}
            value={tag ?? null}
            onChange={(v) => setParam('tag', v)}
            clearable
            w={140}
          />
          {canWrite ? (
            <Button size="sm" onClick={() => openForm(null)} data-testid="new-note">
              New note
            </Button>
          ) : null}
        </Group>
      </Group>
      {notes.isPending ? (
        <Skeleton height={160} radius="md" />
      ) : notes.isError ? (
        <ErrorPanel
          title="The notes could not be loaded"
          error={notes.error}
          onRetry={() => void notes.refetch()}
          retrying={notes.isFetching}
        />
      ) : notes.data.length === 0 ? (
        <EmptyNote title={tag || q ? 'No note matches' : 'No notes yet'} testId="notes-empty">
          {tag || q
            ? 'Clear the tag or the search to see every note.'
            : canWrite
              ? 'Keep what the team learns here: seller calls, decisions, plans for the week.'
              : 'Notes written by analysts and managers appear here.'}
        </EmptyNote>
      ) : (
        <Stack gap="sm" maw={920} data-testid="notes-list">
          {notes.data.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              onEdit={canWrite ? openForm : undefined}
              onDelete={canWrite ? confirmDelete.open : undefined}
            />
          ))}
        </Stack>
      )}
      <NoteFormModal
        opened={form.opened}
        note={form.note}
        onClose={() => setForm({ ...form, opened: false })}
      />
      <ConfirmModal
        opened={confirmDelete.opened}
        title="Delete note"
        confirmLabel="Delete note"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() => {
          if (confirmDelete.target) remove.mutate(confirmDelete.target.id, { onSuccess: closeDelete });
        }}
      >
        Delete <b>{confirmDelete.target?.title}</b>? It disappears for the whole team; the audit log records
        who deleted it.
      </ConfirmModal>
    </>
  );
}
