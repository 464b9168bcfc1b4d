// The frame of the pages outside the app (sign-in, first setup): Aisle's mark and one centred card.
import type { ReactNode } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { LogoMark } from '../../app/LogoMark';
import classes from './AuthLayout.module.css';

export interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function AuthLayout({ title, description, children }: AuthLayoutProps) {
  useDocumentTitle(`${title} · Aisle`);
  return (
    <main className={classes.page}>
      <div className={classes.column}>
        <div className={classes.brand}>
          <LogoMark size={40} />
          <Text fw={700} size="lg" c="dark.8" className={classes.name}>
            Aisle
          </Text>
        </div>
        <Card padding="xl" shadow="xs">
          <Stack gap={4} mb="lg">
            <Title order={1} size="h2">
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Card>
      </div>
    </main>
  );
}
