// react-query hooks of the seller page: profile, figures for a period, history, and edits that
// refresh all three (and the grid, whose rows show the same profile).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '../../ui/api';
import { refetchWhileRefreshing } from '../../ui/refreshing';
import { fetchSeller, fetchSellerHistory, fetchSellerPerformance, updateSeller } from './sellers-api';

export interface SellerNote {
  id: number;
  title: string;
  bodyMd: string;
  tags: string[];
  createdBy: string;
  updatedAt: string;
}

const sellerKey = (id: string) => ['seller', id] as const;

export function useSeller(id: string) {
  return useQuery({
    queryKey: [...sellerKey(id), 'profile'],
    queryFn: ({ signal }) => fetchSeller(id, signal),
  });
}

export function useSellerPerformance(id: string, query: string) {
  return useQuery({
    queryKey: [...sellerKey(id), 'performance', query],
    queryFn: ({ signal }) => fetchSellerPerformance(id, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileRefreshing,
  });
}

export function useSellerHistory(id: string) {
  return useQuery({
    queryKey: [...sellerKey(id), 'history'],
    queryFn: ({ signal }) => fetchSellerHistory(id, signal),
  });
}

/** The seller's notes (the workspace notes filtered by seller). */
export function useSellerNotes(id: string) {
  return useQuery({
    queryKey: ['notes', 'seller', id],
    queryFn: async ({ signal }) =>
      (await apiGet<{ notes: SellerNote[] }>(`/api/notes?sellerId=${encodeURIComponent(id)}`, signal)).notes,
  });
}

export function useUpdateSeller(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Record<string, string | number | null>) => updateSeller(id, changes),
    onSuccess: (result) => {
      queryClient.setQueryData([...sellerKey(id), 'profile'], result.seller);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: sellerKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['sellers'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
}
