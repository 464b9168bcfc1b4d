// A failed form submission: the server's message (and hint) right above the submit button.
import { Alert, Text } from '@mantine/core';
import { ApiError } from './api';
import { TextWithCode } from './TextWithCode';

export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const hint = error instanceof ApiError ? error.hint : null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="form-error" py="xs">
      <Text size="sm">
        <TextWithCode text={message} />
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" mt={4}>
          <TextWithCode text={hint} />
        </Text>
      ) : null}
    </Alert>
  );
}
