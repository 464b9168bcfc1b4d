// What the overview shows on a fresh database: how to get data in, not a wall of zeros.
import { Anchor, Card, Code, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function OverviewEmpty() {
  return (
    <Card data-testid="overview-empty" py={48} px="xl" ta="center">
      <Title order={2} size="h4" mb={6}>
        No data yet
      </Title>
      <Text size="sm" c="dimmed" maw={480} mx="auto">
        Import exports or run <Code>aisle demo</Code> to load a demo dataset. KPIs and the daily trend appear
        here as soon as there is data.
      </Text>
      <Anchor component={Link} to="/imports" size="sm" mt="md" display="inline-block">
        About imports
      </Anchor>
    </Card>
  );
}
