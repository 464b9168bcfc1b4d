// The top of every page: its title (the page's only h1), a one-line description and room for
// page-level controls on the right. Keeps headings consistent so navigation can be tested by them,
// and names the browser tab after the page.
import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Controls shown on the right (period pickers, actions). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(`${title} · Aisle`);
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} miw={0}>
        <Title order={1}>{title}</Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
