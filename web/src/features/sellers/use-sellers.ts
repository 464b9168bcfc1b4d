// react-query hooks of the Sellers pages. The grid itself pages through `/api/sellers` with AG
// Grid's datasource (see SellersGrid); these hooks serve the filters, saved views, the phone list
// and the changes that make the grid reload.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  assignOwner,
  createSavedView,
  deleteSavedView,
  fetchSavedViews,
  fetchSellerOptions,
  fetchSellers,
  updateSavedView,
} from './sellers-api';
import { sellersApiQuery, type SellersView } from './sellers-view';

export const sellersKey = ['sellers'] as const;
const viewsKey = ['seller-views'] as const;
export const PHONE_PAGE_SIZE = 25;

export function useSellerOptions() {
  return useQuery({
    queryKey: [...sellersKey, 'options'],
    queryFn: ({ signal }) => fetchSellerOptions(signal),
    staleTime: 60_000,
  });
}

/** The phone list: the view's pages one after the other (the desktop grid pages by itself). */
export function useSellersPages(view: SellersView, enabled: boolean) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...sellersKey, 'list', sellersApiQuery(view)],
    queryFn: ({ pageParam, signal }) =>
      fetchSellers(sellersApiQuery(view, { page: pageParam, pageSize: PHONE_PAGE_SIZE }), signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
    // Rows from the previous figures right after an import: ask again until the new ones are there.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.refreshing) ? 1000 : false),
  });
}

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: ({ signal }) => fetchSavedViews(signal) });
}

function useViewsMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }) });
}

export function useCreateSavedView() {
  return useViewsMutation(({ name, state }: { name: string; state: Record<string, unknown> }) =>
    createSavedView(name, state),
  );
}

export function useUpdateSavedView() {
  return useViewsMutation(({ id, state }: { id: number; state: Record<string, unknown> }) =>
    updateSavedView(id, { state }),
  );
}

export function useDeleteSavedView() {
  return useViewsMutation(deleteSavedView);
}

/** Owners change the list (owner column, filters) and every seller page, and are audited. */
export function useAssignOwner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sellerIds, userId }: { sellerIds: string[]; userId: number | null }) =>
      assignOwner(sellerIds, userId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sellersKey }),
        queryClient.invalidateQueries({ queryKey: ['seller'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
