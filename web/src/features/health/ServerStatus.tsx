// A small indicator in the header: the server's version when it answers, a warning when it does not.
import { Group, Text, Tooltip } from '@mantine/core';
import { useHealth } from './use-health';
import classes from './ServerStatus.module.css';

export function ServerStatus() {
  const health = useHealth();
  if (health.isPending) return null;
  const ok = health.isSuccess;
  const label = ok ? `Aisle ${health.data.version}` : 'Server unreachable';
  const detail = ok
    ? `Server ${health.data.version}, database schema ${health.data.schemaVersion}`
    : health.error.message;
  return (
    <Tooltip label={detail} withArrow>
      <Group gap={6} wrap="nowrap" data-testid="server-status" data-state={ok ? 'ok' : 'down'} tabIndex={0}>
        <span className={classes.dot} data-state={ok ? 'ok' : 'down'} aria-hidden="true" />
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
