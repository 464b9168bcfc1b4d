// The auth state query. It changes only through sign-in, setup, sign-out or an expired session,
// each of which clears the cache, so it never needs refetching on its own.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAuthState } from './auth-api';

export const authStateQuery = queryOptions({
  queryKey: ['auth', 'state'],
  queryFn: ({ signal }) => fetchAuthState(signal),
  staleTime: Infinity,
});

export function useAuthState() {
  return useQuery(authStateQuery);
}
