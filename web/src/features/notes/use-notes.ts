import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createNote, deleteNote, fetchNotes, updateNote, type NoteDraft, type NoteFilter } from './notes-api';

const notesKey = ['notes'] as const;

export function useNotes(filter: NoteFilter = {}) {
  return useQuery({ queryKey: [...notesKey, filter], queryFn: ({ signal }) => fetchNotes(filter, signal) });
}

/** After any change the list reloads, and the audit log (which recorded it) is stale. */
function useNoteMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: notesKey }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
        queryClient.invalidateQueries({ queryKey: ['workspace-search'] }),
      ]),
  });
}

export function useCreateNote() {
  return useNoteMutation(createNote);
}

export function useUpdateNote() {
  return useNoteMutation(({ id, draft }: { id: number; draft: NoteDraft }) => updateNote(id, draft));
}

export function useDeleteNote() {
  return useNoteMutation(deleteNote);
}
