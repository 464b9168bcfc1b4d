// One react-query client for the app. Errors the user caused (4xx) are not retried: asking again
// gives the same answer; server and network errors get one more try before the page says so.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../ui/api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
