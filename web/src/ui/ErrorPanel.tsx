// How a page says that loading failed: the server's message and hint (from `ApiError`) and a way
// to ask again.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from './api';
import { TextWithCode } from './TextWithCode';

export interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const hint = error instanceof ApiError ? error.hint : null;
  return (
    <Alert color="red" variant="light" title={title} data-testid="error-panel" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" data-testid="error-message">
          <TextWithCode text={message} />
        </Text>
        {hint ? (
          <Text size="sm" c="dimmed">
            <TextWithCode text={hint} />
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
