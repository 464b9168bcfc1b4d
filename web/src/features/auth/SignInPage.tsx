// Sign-in: e-mail and password, then back to the page the user came for (`?next=`). Shows the
// server's own words for wrong credentials and for too many attempts (how long to wait).
import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Navigate, useSearchParams } from 'react-router';
import { AuthLayout } from './AuthLayout';
import { AuthLoading, AuthStateError } from './AuthLoading';
import { FormError } from '../../ui/FormError';
import { safeNextPath } from './safe-next';
import { useAuthState } from './use-auth-state';
import { useLogin } from './use-session-actions';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const expired = params.get('reason') === 'expired';
  const auth = useAuthState();
  const signIn = useLogin(next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);

  if (auth.isPending) return <AuthLoading />;
  if (auth.isError) {
    return (
      <AuthStateError error={auth.error} onRetry={() => void auth.refetch()} retrying={auth.isFetching} />
    );
  }
  if (auth.data.setupRequired) return <Navigate to="/setup" replace />;
  if (auth.data.user && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (email.trim() && password) signIn.mutate({ email: email.trim(), password });
  };

  return (
    <AuthLayout title="Sign in" description="Use the e-mail address and password your admin gave you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {expired && !signIn.error ? (
            <Alert color="indigo" variant="light" py="xs" data-testid="session-expired">
              Your session has ended. Sign in again to continue where you were.
            </Alert>
          ) : null}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            error={submitted && !email.trim() ? 'Enter your e-mail address.' : null}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            error={submitted && !password ? 'Enter your password.' : null}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <FormError error={signIn.error} />
          <Button type="submit" fullWidth loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
