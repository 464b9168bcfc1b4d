// `/api/notes`: the team's notes. Everyone reads them; analysts and up write them. The body is
// Markdown source, displayed as plain text until a sanitising renderer exists.
import { apiDelete, apiGet, apiSend } from '../../ui/api';

export interface Note {
  id: number;
  title: string;
  bodyMd: string;
  tags: string[];
  sellerId: string | null;
  /** The author's e-mail. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoteDraft {
  title: string;
  bodyMd: string;
  tags: string[];
}

export async function fetchNotes(signal?: AbortSignal): Promise<Note[]> {
  return (await apiGet<{ notes: Note[] }>('/api/notes', signal)).notes;
}

export async function createNote(draft: NoteDraft): Promise<Note> {
  return (await apiSend<{ note: Note }>('POST', '/api/notes', draft)).note;
}

export async function updateNote(id: number, draft: NoteDraft): Promise<Note> {
  return (await apiSend<{ note: Note }>('PATCH', `/api/notes/${id}`, draft)).note;
}

export function deleteNote(id: number): Promise<void> {
  return apiDelete(`/api/notes/${id}`);
}
