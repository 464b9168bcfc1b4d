// While the app asks the server who is signed in: a quiet centred loader, or what went wrong.
import { Center, Container, Loader } from '@mantine/core';
import { ErrorPanel } from '../../ui/ErrorPanel';

export function AuthLoading() {
  return (
    <Center mih="100dvh" aria-busy="true" aria-label="Loading">
      <Loader size="sm" color="gray" />
    </Center>
  );
}

export function AuthStateError({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <Container size="sm" py={80}>
      <ErrorPanel
        title="Aisle could not check your sign-in"
        error={error}
        onRetry={onRetry}
        retrying={retrying}
      />
    </Container>
  );
}
