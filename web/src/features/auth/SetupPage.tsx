// First run: create the first admin. Only reachable while the server says setup is required;
// afterwards the address leads to the app (or sign-in) instead.
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { Navigate } from 'react-router';
import { AuthLayout } from './AuthLayout';
import { AuthLoading, AuthStateError } from './AuthLoading';
import { FormError } from '../../ui/FormError';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmationProblem, emailProblem, passwordProblem } from './password-rules';
import { useAuthState } from './use-auth-state';
import { useSetup } from './use-session-actions';

export function SetupPage() {
  const auth = useAuthState();
  const setup = useSetup();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  if (auth.isPending) return <AuthLoading />;
  if (auth.isError) {
    return (
      <AuthStateError error={auth.error} onRetry={() => void auth.refetch()} retrying={auth.isFetching} />
    );
  }
  if (!auth.data.setupRequired && !setup.isPending && !setup.isSuccess) return <Navigate to="/" replace />;

  const problems = {
    email: emailProblem(email),
    displayName: displayName.trim() ? null : 'Enter the name your team knows you by.',
    password: passwordProblem(password),
    confirmation: confirmationProblem(password, confirmation),
  };
  const valid = Object.values(problems).every((problem) => problem === null);
  const show = (problem: string | null) => (submitted ? problem : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (valid) setup.mutate({ email: email.trim(), displayName: displayName.trim(), password });
  };

  return (
    <AuthLayout
      title="Set up Aisle"
      description="Create the first admin account. You can invite the rest of the team from Settings afterwards."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            error={show(problems.email)}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <TextInput
            label="Display name"
            autoComplete="name"
            value={displayName}
            error={show(problems.displayName)}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
          />
          <NewPasswordFields
            label="Password"
            confirmLabel="Confirm password"
            password={password}
            confirmation={confirmation}
            passwordError={show(problems.password)}
            confirmationError={show(problems.confirmation)}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
          />
          <FormError error={setup.error} />
          <Button type="submit" fullWidth loading={setup.isPending}>
            Create admin and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
