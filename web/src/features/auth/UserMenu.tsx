// The signed-in user in the header: name and role, and the account actions — change password,
// API tokens, sign out.
import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { ChangePasswordModal } from './ChangePasswordModal';
import { RoleBadge } from './RoleBadge';
import { useSession } from './session-context';
import { useLogout } from './use-session-actions';
import classes from './UserMenu.module.css';

export function UserMenu() {
  const { user } = useSession();
  const signOut = useLogout();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            className={classes.target}
            aria-label={`Account: ${user.displayName}`}
            data-testid="user-menu"
          >
            <Avatar name={user.displayName} color="initials" size={28} radius="xl" />
            <Text size="sm" fw={500} visibleFrom="sm" className={classes.name} data-testid="user-name">
              {user.displayName}
            </Text>
            <RoleBadge role={user.role} />
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={500} c="dark.7" truncate>
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item onClick={passwordModal.open}>Change password</Menu.Item>
          <Menu.Item component={Link} to="/settings/tokens">
            API tokens
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
