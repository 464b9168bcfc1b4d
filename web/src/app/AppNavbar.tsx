// The left navigation, grouped by kind of work; Settings sits apart at the bottom.
import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { sectionGroupLabels, sections, type Section, type SectionGroup } from './sections';
import classes from './AppNavbar.module.css';

function isActive(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function NavGroup({ group, onNavigate }: { group: SectionGroup; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const label = sectionGroupLabels[group];
  const items = sections.filter((section: Section) => section.group === group);
  return (
    <Stack gap={2}>
      {label ? (
        <Text className={classes.groupLabel} size="xs" fw={600} c="dimmed">
          {label}
        </Text>
      ) : null}
      {items.map(({ path, label: itemLabel, Icon }) => (
        <NavLink
          key={path}
          component={Link}
          to={path}
          label={itemLabel}
          leftSection={<Icon />}
          active={isActive(path, pathname)}
          onClick={onNavigate}
          className={classes.link}
        />
      ))}
    </Stack>
  );
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  return (
    <>
      <AppShell.Section grow component={ScrollArea} px="sm" pt="md">
        <Stack gap="lg">
          <NavGroup group="analysis" onNavigate={onNavigate} />
          <NavGroup group="follow-up" onNavigate={onNavigate} />
        </Stack>
      </AppShell.Section>
      <AppShell.Section px="sm" py="sm" className={classes.footer}>
        <NavGroup group="admin" onNavigate={onNavigate} />
      </AppShell.Section>
    </>
  );
}
