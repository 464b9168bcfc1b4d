// react-query hooks of the Livestreams pages. A pinned or deleted note refreshes the timeline it
// belongs to. While another list page loads, the last rows stay on screen (marked stale).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteNote,
  fetchLeaderboard,
  fetchListOptions,
  fetchSession,
  fetchSessions,
  fetchTimeline,
  pinNote,
} from './livestreams-api';
import { refetchWhileRefreshing } from '../../ui/refreshing';

export function useSessions(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['livestreams', 'list', query],
    queryFn: ({ signal }) => fetchSessions(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useLeaderboard(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['livestreams', 'leaderboard', query],
    queryFn: ({ signal }) => fetchLeaderboard(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useListOptions() {
  return useQuery({
    queryKey: ['livestreams', 'options'],
    queryFn: ({ signal }) => fetchListOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: ['livestreams', 'session', id],
    queryFn: ({ signal }) => fetchSession(id, signal),
    refetchInterval: refetchWhileRefreshing,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['livestreams', 'timeline', id],
    queryFn: ({ signal }) => fetchTimeline(id, signal),
  });
}

export function usePinNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: { minute: number; body: string }) => pinNote(id, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['livestreams', 'timeline', id] }),
  });
}

export function useDeleteNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (noteId: number) => deleteNote(id, noteId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['livestreams', 'timeline', id] }),
  });
}
