// A target's status in words and colour: ahead, on track, behind — or no data yet.
import { Badge } from '@mantine/core';
import type { TargetStatus } from './targets-api';

export const statusLabels: Record<TargetStatus, string> = { ahead: 'Ahead', on_track: 'On track', behind: 'Behind' };
export const statusColors: Record<TargetStatus, string> = { ahead: 'teal', on_track: 'blue', behind: 'red' };

export function TargetStatusBadge({ status }: { status: TargetStatus | null }) {
  return (
    <Badge variant="light" radius="sm" size="sm" color={status ? statusColors[status] : 'gray'} data-testid="target-status">
      {status ? statusLabels[status] : 'No data yet'}
    </Badge>
  );
}
