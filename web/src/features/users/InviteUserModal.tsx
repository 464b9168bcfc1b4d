// Invite a user: e-mail, name and role. The server answers with a temporary password, shown here
// once to hand over; the new user changes it after signing in.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { ShownOnceSecret } from '../../ui/ShownOnceSecret';
import { emailProblem } from '../auth/password-rules';
import { isRole, ROLES, roleOptions, roleSummaries, type Role } from '../auth/roles';
import { useInviteUser } from './use-users';

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite user" centered size="md">
      {opened ? <InviteUserForm onClose={onClose} /> : null}
    </Modal>
  );
}

function InviteUserForm({ onClose }: { onClose: () => void }) {
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [submitted, setSubmitted] = useState(false);

  if (invite.data) {
    const { user, temporaryPassword } = invite.data;
    return (
      <Stack gap="md">
        <ShownOnceSecret
          label="Temporary password"
          secret={temporaryPassword}
          instructions={`Give it to ${user.displayName} (${user.email}) in person or over a private channel. After signing in they can choose their own under their name → Change password.`}
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const problems = {
    email: emailProblem(email),
    displayName: displayName.trim() ? null : 'Enter the name the team knows them by.',
  };
  const valid = problems.email === null && problems.displayName === null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (valid) invite.mutate({ email: email.trim(), displayName: displayName.trim(), role });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="E-mail"
          type="email"
          data-autofocus
          value={email}
          error={submitted ? problems.email : null}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <TextInput
          label="Display name"
          value={displayName}
          error={submitted ? problems.displayName : null}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
        />
        <Select
          label="Role"
          description={roleSummaries[role]}
          data={roleOptions(ROLES)}
          value={role}
          allowDeselect={false}
          onChange={(value) => {
            if (isRole(value)) setRole(value);
          }}
        />
        <FormError error={invite.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
