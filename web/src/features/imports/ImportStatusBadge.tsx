import { Badge } from '@mantine/core';
import classes from './ImportBadges.module.css';

const statusColors: Record<string, string> = {
  loaded: 'teal',
  rejected: 'red',
  failed: 'red',
  running: 'blue',
  dry_run: 'gray',
};

const statusLabels: Record<string, string> = {
  loaded: 'Loaded',
  rejected: 'Rejected',
  failed: 'Failed',
  running: 'Running',
  dry_run: 'Dry run',
};

export function ImportStatusBadge({ status, duplicate = false }: { status: string; duplicate?: boolean }) {
  if (duplicate) {
    return (
      <Badge
        className={classes.whole}
        size="sm"
        radius="sm"
        variant="light"
        color="gray"
        data-testid="import-status"
      >
        Already imported
      </Badge>
    );
  }
  return (
    <Badge
      className={classes.whole}
      size="sm"
      radius="sm"
      variant="light"
      color={statusColors[status] ?? 'gray'}
      data-testid="import-status"
    >
      {statusLabels[status] ?? status}
    </Badge>
  );
}
