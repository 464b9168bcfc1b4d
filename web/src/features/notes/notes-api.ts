// `/api/notes`: the team's notes. Everyone reads them; analysts and up write them. The body is
// Markdown source; the server also sends it rendered as safe HTML (raw HTML off, safe links only),
// which is the only HTML of a note the page shows.
import { apiDelete, apiGet, apiSend, withQuery } from '../../ui/api';

export interface Note {
  id: number;
  title: string;
  bodyMd: string;
  /** The body rendered by the server with raw HTML disabled: safe to insert. */
  bodyHtml: string;
  tags: string[];
  sellerId: string | null;
  sellerName: string | null;
  /** The author's e-mail. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoteDraft {
  title: string;
  bodyMd: string;
  tags: string[];
  sellerId?: string | null;
}

export interface NoteFilter {
  tag?: string;
  q?: string;
  sellerId?: string;
}

export async function fetchNotes(filter: NoteFilter = {}, signal?: AbortSignal): Promise<Note[]> {
  return (await apiGet<{ notes: Note[] }>(withQuery('/api/notes', { ...filter }), signal)).notes;
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
