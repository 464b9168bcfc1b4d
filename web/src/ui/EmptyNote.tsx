// What a list says when it has nothing in it yet: one line, and what to do about it.
import type { ReactNode } from 'react';
import { Card, Text } from '@mantine/core';

export function EmptyNote({
  title,
  children,
  testId,
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card py="xl" ta="center" data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {children ? (
        <Text size="sm" c="dimmed" mt={4} maw={460} mx="auto">
          {children}
        </Text>
      ) : null}
    </Card>
  );
}
