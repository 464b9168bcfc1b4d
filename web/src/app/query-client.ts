// One react-query client for the app. Errors the user caused (4xx) are not retried: asking again
// gives the same answer; server and network errors get one more try before the page says so.
// A query or mutation that finds the session gone (401 `unauthenticated`, e.g. it expired) calls
// `onUnauthenticated` once per failure, wherever in the app it happened.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../ui/api';

export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isUnauthenticated) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && !error.isRetryable) return false;
          return failureCount < 1;
        },
      },
    },
  });
}
