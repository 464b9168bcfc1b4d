// Settings → Users (admin): everyone with access, their role and status; invite, change a role,
// disable or enable. The server refuses a change that would leave no active admin, and its
// message is shown above the table.
import { Alert, Badge, Button, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { TableCard } from '../../ui/TableCard';
import { useConfirmTarget } from '../../ui/use-confirm-target';
import { isRole, roleOptions, ROLES } from '../auth/roles';
import { useCan, useSession } from '../auth/session-context';
import { InviteUserModal } from './InviteUserModal';
import type { User } from './users-api';
import { useUpdateUser, useUsers } from './use-users';

export function UsersPanel() {
  const isAdmin = useCan('admin');
  const users = useUsers(isAdmin);
  const [inviteOpened, inviteModal] = useDisclosure(false);
  if (!isAdmin) {
    return (
      <Alert color="gray" variant="light" data-testid="users-admin-only">
        Only admins manage users. Ask an admin to invite someone or change a role.
      </Alert>
    );
  }
  return (
    <>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          Everyone who can sign in to this workspace. New users get a temporary password to hand over.
        </Text>
        <Button size="sm" onClick={inviteModal.open}>
          Invite user
        </Button>
      </Group>
      {users.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : users.isError ? (
        <ErrorPanel
          title="The users could not be loaded"
          error={users.error}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      ) : (
        <UsersTable users={users.data} />
      )}
      <InviteUserModal opened={inviteOpened} onClose={inviteModal.close} />
    </>
  );
}

function UsersTable({ users }: { users: readonly User[] }) {
  const { user: me } = useSession();
  const update = useUpdateUser();
  const confirm = useConfirmTarget<User>();
  const target = confirm.target;
  const closeConfirm = () => {
    confirm.close();
    update.reset();
  };
  return (
    <Stack gap="sm">
      {update.error && !confirm.opened ? <FormError error={update.error} /> : null}
      <TableCard minWidth={860} data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User</Table.Th>
            <Table.Th w={160}>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
              <Table.Td data-label="User">
                <div>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {user.displayName}
                    </Text>
                    {user.id === me.id ? (
                      <Badge size="xs" variant="outline" color="gray" radius="sm">
                        You
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </div>
              </Table.Td>
              <Table.Td data-label="Role">
                <Select
                  w={140}
                  size="xs"
                  aria-label={`Role of ${user.email}`}
                  data={roleOptions(ROLES)}
                  value={user.role}
                  allowDeselect={false}
                  disabled={update.isPending}
                  onChange={(value) => {
                    if (isRole(value) && value !== user.role)
                      update.mutate({ id: user.id, change: { role: value } });
                  }}
                />
              </Table.Td>
              <Table.Td data-label="Status">
                <Badge variant="light" color={user.disabled ? 'gray' : 'teal'} radius="sm" size="sm">
                  {user.disabled ? 'Disabled' : 'Active'}
                </Badge>
              </Table.Td>
              <Table.Td c="dimmed" data-label="Last sign-in">
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}
              </Table.Td>
              <Table.Td c="dimmed" data-label="Added">
                {formatDateTime(user.createdAt)}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color={user.disabled ? undefined : 'red'}
                  onClick={() => {
                    update.reset();
                    confirm.open(user);
                  }}
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      <ConfirmModal
        opened={confirm.opened}
        title={target?.disabled ? 'Enable user' : 'Disable user'}
        confirmLabel={target?.disabled ? 'Enable' : 'Disable'}
        danger={!target?.disabled}
        pending={update.isPending}
        error={update.error}
        onClose={closeConfirm}
        onConfirm={() => {
          if (target)
            update.mutate(
              { id: target.id, change: { disabled: !target.disabled } },
              { onSuccess: closeConfirm },
            );
        }}
      >
        {target?.disabled ? (
          <>
            Let <b>{target.displayName}</b> ({target.email}) sign in again with their password?
          </>
        ) : (
          <>
            Disable <b>{target?.displayName}</b> ({target?.email})? They are signed out everywhere and cannot
            sign in until enabled again; their notes and history stay.
            {target?.id === me.id ? ' This is your own account: you will be signed out.' : null}
          </>
        )}
      </ConfirmModal>
    </Stack>
  );
}
