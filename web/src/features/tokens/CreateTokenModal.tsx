// Create an API token: a name that says what it is for and a role no higher than one's own. The
// token itself appears once, with a copy button.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { ShownOnceSecret } from '../../ui/ShownOnceSecret';
import { isRole, roleOptions, rolesUpTo, roleSummaries, type Role } from '../auth/roles';
import { useSession } from '../auth/session-context';
import { useCreateToken } from './use-tokens';

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New API token" centered size="md">
      {opened ? <CreateTokenForm onClose={onClose} /> : null}
    </Modal>
  );
}

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [submitted, setSubmitted] = useState(false);

  if (create.data) {
    return (
      <Stack gap="md">
        <ShownOnceSecret
          label="API token"
          secret={create.data.token}
          instructions="Store it where the script or tool that uses it keeps its secrets. Send it as `Authorization: Bearer <token>`."
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const nameProblem = name.trim() ? null : 'Name the token after what uses it, e.g. "weekly export script".';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!nameProblem) create.mutate({ name: name.trim(), role });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="weekly export script"
          data-autofocus
          value={name}
          error={submitted ? nameProblem : null}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Select
          label="Role"
          description={`${roleSummaries[role]} A token never gets more than your own role.`}
          data={roleOptions(rolesUpTo(user.role))}
          value={role}
          allowDeselect={false}
          onChange={(value) => {
            if (isRole(value)) setRole(value);
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <FormError error={create.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
