// New note or edit note: title, Markdown body (plain textarea; shown rendered safely), tags and
// an optional seller it is about.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { SellerPicker } from '../workspace/SellerPicker';
import type { Note } from './notes-api';
import { useCreateNote, useUpdateNote } from './use-notes';

export interface NoteFormModalProps {
  opened: boolean;
  /** The note to edit; null for a new one. */
  note: Note | null;
  /** The seller a new note is about (from the seller page). */
  seller?: { id: string; name: string } | null;
  onClose: () => void;
}

export function NoteFormModal({ opened, note, seller, onClose }: NoteFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={note ? 'Edit note' : 'New note'} centered size="lg">
      {opened ? <NoteForm note={note} seller={seller ?? null} onClose={onClose} /> : null}
    </Modal>
  );
}

function NoteForm({
  note,
  seller: forSeller,
  onClose,
}: {
  note: Note | null;
  seller: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const create = useCreateNote();
  const update = useUpdateNote();
  const saving = note ? update : create;
  const [title, setTitle] = useState(note?.title ?? '');
  const [bodyMd, setBodyMd] = useState(note?.bodyMd ?? '');
  const [tags, setTags] = useState<string[]>(note?.tags ?? []);
  const [seller, setSeller] = useState(
    note?.sellerId ? { id: note.sellerId, name: note.sellerName ?? note.sellerId } : forSeller,
  );
  const [submitted, setSubmitted] = useState(false);
  const titleProblem = title.trim() ? null : 'Give the note a title.';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (titleProblem) return;
    const draft = { title: title.trim(), bodyMd, tags, sellerId: seller?.id ?? null };
    if (note) update.mutate({ id: note.id, draft }, { onSuccess: onClose });
    else create.mutate(draft, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          data-autofocus
          value={title}
          error={submitted ? titleProblem : null}
          onChange={(event) => setTitle(event.currentTarget.value)}
          data-testid="note-title-input"
        />
        <Textarea
          label="Note"
          description="Markdown: **bold**, lists, [links](https://…). HTML is shown as text."
          autosize
          minRows={6}
          maxRows={16}
          value={bodyMd}
          onChange={(event) => setBodyMd(event.currentTarget.value)}
          data-testid="note-body-input"
        />
        <SellerPicker value={seller} onChange={setSeller} label="Seller (optional)" />
        <TagsInput
          label="Tags"
          description="Press Enter after each tag."
          value={tags}
          onChange={setTags}
          clearable
        />
        <FormError error={saving.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending}>
            {note ? 'Save note' : 'Add note'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
