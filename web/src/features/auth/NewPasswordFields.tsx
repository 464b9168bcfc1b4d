// A new password and its confirmation, with the password rules as the hint: the setup page and
// the change-password dialog ask for a new password the same way.
import { PasswordInput } from '@mantine/core';
import { PASSWORD_HINT } from './password-rules';

interface NewPasswordFieldsProps {
  label: string;
  confirmLabel: string;
  password: string;
  confirmation: string;
  passwordError: string | null;
  confirmationError: string | null;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
}

export function NewPasswordFields(props: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        label={props.label}
        description={PASSWORD_HINT}
        autoComplete="new-password"
        value={props.password}
        error={props.passwordError}
        onChange={(event) => props.onPassword(event.currentTarget.value)}
      />
      <PasswordInput
        label={props.confirmLabel}
        autoComplete="new-password"
        value={props.confirmation}
        error={props.confirmationError}
        onChange={(event) => props.onConfirmation(event.currentTarget.value)}
      />
    </>
  );
}
