// Shown instead of the whole frame when a page throws while rendering: a bug, not a user error.
// It keeps the message visible and offers a reload rather than leaving a blank screen.
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'Unknown error';
}

export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Container size="sm" py={80}>
      <Stack gap="sm" align="flex-start">
        <Title order={1}>Something went wrong</Title>
        <Text size="sm" c="dimmed">
          This page failed to display. Reloading usually helps; if it does not, report the message below.
        </Text>
        <Text size="sm" ff="monospace" data-testid="route-error">
          {describe(error)}
        </Text>
        <Button variant="default" size="xs" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Stack>
    </Container>
  );
}
