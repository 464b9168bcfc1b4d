// Providers around the router: Mantine (theme, light scheme) and react-query.
import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './query-client';
import { createRouter, type AppRouter } from './router';
import { sendToSignIn } from './session-expiry';
import { theme } from './theme';

function createClients(): { router: AppRouter; queryClient: QueryClient } {
  const router = createRouter();
  const queryClient: QueryClient = createQueryClient(() => sendToSignIn(router, queryClient));
  return { router, queryClient };
}

export function App() {
  const [{ router, queryClient }] = useState(createClients);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
