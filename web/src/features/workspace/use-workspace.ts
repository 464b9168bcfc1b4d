import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  bulkEditTasks,
  createTask,
  deleteCommunication,
  deleteTask,
  fetchCommunications,
  fetchReminders,
  fetchSellerFollowUp,
  fetchTasks,
  fetchWorkspaceOptions,
  importTracker,
  logCommunication,
  searchWorkspace,
  updateTask,
  type BulkEdit,
  type CommunicationFilter,
  type TaskDraft,
  type TaskFilter,
} from './workspace-api';

export function useCommunications(filter: CommunicationFilter) {
  return useQuery({
    queryKey: ['communications', filter],
    queryFn: ({ signal }) => fetchCommunications(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSellerFollowUp(sellerId: string) {
  return useQuery({
    queryKey: ['seller-follow-up', sellerId],
    queryFn: ({ signal }) => fetchSellerFollowUp(sellerId, signal),
  });
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['tasks', filter],
    queryFn: ({ signal }) => fetchTasks(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkspaceOptions() {
  return useQuery({
    queryKey: ['workspace-options'],
    queryFn: ({ signal }) => fetchWorkspaceOptions(signal),
    staleTime: 60_000,
  });
}

export function useReminders(mine: boolean) {
  return useQuery({ queryKey: ['reminders', mine], queryFn: ({ signal }) => fetchReminders(mine, signal) });
}

export function useWorkspaceSearch(q: string) {
  return useQuery({
    queryKey: ['workspace-search', q],
    queryFn: ({ signal }) => searchWorkspace(q, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * After any change every workspace list, the seller's figures, the reminders, the opportunities
 * (contacts change them) and the audit log are stale.
 */
function useWorkspaceMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [
          'communications',
          'tasks',
          'seller-follow-up',
          'reminders',
          'workspace-search',
          'workspace-options',
          'opportunities',
          'audit',
          'sellers',
          'notes',
        ].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
}

export const useLogCommunication = () => useWorkspaceMutation(logCommunication);
export const useDeleteCommunication = () => useWorkspaceMutation(deleteCommunication);
export const useCreateTask = () => useWorkspaceMutation(createTask);
export const useUpdateTask = () =>
  useWorkspaceMutation(({ id, draft }: { id: number; draft: TaskDraft }) => updateTask(id, draft));
export const useDeleteTask = () => useWorkspaceMutation(deleteTask);
export const useBulkEditTasks = () =>
  useWorkspaceMutation(({ ids, edit }: { ids: number[]; edit: BulkEdit }) => bulkEditTasks(ids, edit));
export const useImportTracker = () => useWorkspaceMutation(importTracker);
