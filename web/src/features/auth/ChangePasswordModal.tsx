// Change one's own password: current, new, confirmation. The server signs out every other session
// of this user; this one stays signed in, and the modal says so.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmationProblem, passwordProblem } from './password-rules';
import { useChangePassword } from './use-session-actions';

export interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password" centered>
      {/* Mounted only while open, so every opening starts with empty fields. */}
      {opened ? <ChangePasswordForm onClose={onClose} /> : null}
    </Modal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  if (change.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" data-testid="password-changed">
          Your password is changed. Every other session of yours was signed out; this one stays signed in.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const problems = {
    current: current ? null : 'Enter your current password.',
    password: passwordProblem(password),
    confirmation: confirmationProblem(password, confirmation),
  };
  const valid = Object.values(problems).every((problem) => problem === null);
  const show = (problem: string | null) => (submitted ? problem : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (valid) change.mutate({ currentPassword: current, newPassword: password });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          data-autofocus
          value={current}
          error={show(problems.current)}
          onChange={(event) => setCurrent(event.currentTarget.value)}
        />
        <NewPasswordFields
          label="New password"
          confirmLabel="Confirm new password"
          password={password}
          confirmation={confirmation}
          passwordError={show(problems.password)}
          confirmationError={show(problems.confirmation)}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />
        <FormError error={change.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
