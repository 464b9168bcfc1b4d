// The seller page's communications card: last contact and overdue follow-ups (the figures the seller
// map and opportunities use), quick entry of a contact, and the timeline, newest first, where a
// next action becomes a follow-up task in one click.
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, ScrollArea, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { useCan } from '../auth/session-context';
import { CommunicationItem } from './CommunicationItem';
import { followUpTaskPrefill } from './CommunicationLog';
import { ContactQuickModal } from './ContactQuickModal';
import { TaskQuickModal } from './TaskQuickModal';
import type { Communication } from './workspace-api';
import { useCommunications, useSellerFollowUp } from './use-workspace';

export function SellerFollowUpFigures({ sellerId }: { sellerId: string }) {
  const figures = useSellerFollowUp(sellerId);
  if (!figures.data) return <Skeleton height={18} width={240} />;
  const f = figures.data;
  return (
    <Group gap={6} wrap="wrap" data-testid="seller-follow-up">
      <Text size="xs" c="dimmed" data-testid="seller-last-contact">
        {f.lastContactDate
          ? `Last contact ${formatDate(f.lastContactDate)} (${f.daysSinceContact === 0 ? 'today' : `${f.daysSinceContact} days ago`})`
          : 'No contact logged yet'}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color={f.overdueFollowUps > 0 ? 'red' : 'gray'}
        tt="none"
        data-testid="seller-overdue"
      >
        {f.overdueFollowUps} overdue follow-up{f.overdueFollowUps === 1 ? '' : 's'}
      </Badge>
    </Group>
  );
}

export function SellerTimelineCard({ sellerId, sellerName }: { sellerId: string; sellerName: string }) {
  const timeline = useCommunications({ sellerId, limit: 50 });
  const canWrite = useCan('write');
  const [logging, setLogging] = useState(false);
  const [taskFor, setTaskFor] = useState<Communication | null>(null);
  const seller = { id: sellerId, name: sellerName };
  return (
    <Card data-testid="seller-communications">
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Text fw={600} size="sm">
          Communications
        </Text>
        {canWrite ? (
          <Button size="compact-sm" onClick={() => setLogging(true)} data-testid="seller-log-contact">
            Log contact
          </Button>
        ) : null}
      </Group>
      <SellerFollowUpFigures sellerId={sellerId} />
      {timeline.isPending ? (
        <Skeleton height={80} mt="sm" />
      ) : timeline.isError ? (
        <ErrorPanel
          title="The communications could not be loaded"
          error={timeline.error}
          onRetry={() => void timeline.refetch()}
        />
      ) : timeline.data.communications.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm" data-testid="seller-communications-empty">
          No call, meeting or message logged with this seller yet.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} mt="xs" type="auto">
          {timeline.data.communications.map((c) => (
            <CommunicationItem
              key={c.id}
              communication={c}
              showSeller={false}
              onCreateTask={canWrite ? setTaskFor : undefined}
            />
          ))}
          {timeline.data.total > timeline.data.communications.length ? (
            <Anchor component={Link} to="/workspace?tab=log" size="xs">
              All {timeline.data.total} in the Workspace log →
            </Anchor>
          ) : null}
        </ScrollArea.Autosize>
      )}
      <ContactQuickModal opened={logging} seller={seller} onClose={() => setLogging(false)} />
      <TaskQuickModal
        opened={taskFor !== null}
        prefill={taskFor ? followUpTaskPrefill(taskFor) : undefined}
        onClose={() => setTaskFor(null)}
      />
    </Card>
  );
}
