// The top bar: the product name and mark, the menu button on narrow screens, server status and the
// signed-in user's menu.
import { Box, Burger, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { UserMenu } from '../features/auth/UserMenu';
import { ServerStatus } from '../features/health/ServerStatus';
import { LogoMark } from './LogoMark';
import classes from './AppHeader.module.css';

export interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
        />
        <Link to="/" className={classes.brand} aria-label="Aisle — Overview">
          <LogoMark />
          <Text component="span" fw={700} size="md" className={classes.name}>
            Aisle
          </Text>
        </Link>
        <Text size="xs" c="dimmed" visibleFrom="sm" className={classes.tagline}>
          Category workbench
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        <Box visibleFrom="sm">
          <ServerStatus />
        </Box>
        <UserMenu />
      </Group>
    </Group>
  );
}
