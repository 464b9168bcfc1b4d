// The frame around every page: header, left navigation (a drawer below the `sm` breakpoint) and
// the page itself.
import { Suspense } from 'react';
import { AppShell, Box, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import classes from './AppFrame.module.css';

export function AppFrame() {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 224, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
      classNames={{ main: classes.main, navbar: classes.navbar }}
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar aria-label="Main navigation">
        <AppNavbar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Box className={classes.content}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

function PageLoading() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading page">
      <Skeleton height={28} width={220} />
      <Skeleton height={200} />
    </Stack>
  );
}
