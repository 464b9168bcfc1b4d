// The page of an area that is not built yet. It says plainly what will live there and with which
// part of Aisle it arrives, so nobody mistakes an empty screen for missing data. No sample data.
import { Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { PageHeader } from './PageHeader';

export interface PlannedPageProps {
  title: string;
  /** One sentence: what this area is for. */
  summary: string;
  /** The part of Aisle it ships with, e.g. "the seller map". */
  arrivesWith: string;
  /** What the user will be able to do there, one capability per item. */
  capabilities: readonly string[];
}

export function PlannedPage({ title, summary, arrivesWith, capabilities }: PlannedPageProps) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <Card maw={760} data-testid="planned-page">
        <Stack gap="sm">
          <Group gap="sm">
            <Badge variant="light" color="gray" radius="sm">
              Planned
            </Badge>
            <Text size="sm" fw={500}>
              Arrives with {arrivesWith}.
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            What you will be able to do here:
          </Text>
          <List size="sm" spacing={6}>
            {capabilities.map((capability) => (
              <List.Item key={capability}>{capability}</List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    </>
  );
}
