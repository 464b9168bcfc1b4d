// One alert: how bad, what and where, when, the number against its usual level (or threshold), the
// sentence that explains it, the drivers on demand, and acknowledge / resolve for analysts and up.
import { useState } from 'react';
import { Badge, Box, Button, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { useCan } from '../auth/session-context';
import { AlertTaskButton } from '../workspace/AlertTaskButton';
import { AlertDrivers } from './AlertDrivers';
import { changeLabel, expectedLabel, periodLabel, severityColor, severityLabel, statusDetail, valueLabel } from './alert-format';
import type { Alert } from './alerts-api';
import classes from './AlertsPanel.module.css';
import { useAlertAction } from './use-alerts';

export function AlertItem({ alert, currency }: { alert: Alert; currency: string }) {
  const canWrite = useCan('write');
  const action = useAlertAction();
  const [open, setOpen] = useState(false);
  const change = changeLabel(alert, currency);
  const down = alert.direction === 'down';
  return (
    <Box className={classes.item} data-testid="alert-item" data-alert-id={alert.id} data-status={alert.status}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap="xs" align="center" wrap="wrap" miw={0}>
          <Badge color={severityColor[alert.severity]} variant={alert.severity === 'info' ? 'light' : 'filled'} radius="sm" size="sm">
            {severityLabel[alert.severity]}
          </Badge>
          <Text fw={600} size="sm" className={classes.title}>
            {alert.metricLabel} · {alert.scopeLabel}
          </Text>
          {alert.status !== 'new' ? (
            <Badge variant="light" color={alert.status === 'resolved' ? 'teal' : 'gray'} radius="sm" size="sm" tt="none" data-testid="alert-status">
              {statusDetail(alert)}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {periodLabel(alert)}
          {alert.kind === 'threshold' && alert.ruleName ? ` · rule “${alert.ruleName}”` : ''}
        </Text>
      </Group>
      <Group gap="lg" mt={6} wrap="wrap" className={classes.numbers}>
        <Text size="sm">
          <Text span c="dimmed" size="xs">
            Observed{' '}
          </Text>
          <b>{valueLabel(alert.observed, alert, currency)}</b>
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="xs">
            {expectedLabel(alert)}{' '}
          </Text>
          {valueLabel(alert.expected, alert, currency)}
        </Text>
        {alert.kind === 'anomaly' ? (
          <Text size="sm" fw={600} c={down ? 'red.7' : 'teal.7'}>
            {down ? '▼' : '▲'} {change}
          </Text>
        ) : null}
      </Group>
      {alert.explanation ? (
        <Text size="sm" mt={6} data-testid="alert-sentence">
          {alert.explanation.sentence}
        </Text>
      ) : null}
      <Group justify="space-between" align="center" mt="xs" gap="xs">
        <UnstyledButton className={classes.toggle} onClick={() => setOpen((value) => !value)} aria-expanded={open} data-testid="alert-drivers-toggle">
          {open ? '▾ Hide drivers' : '▸ Show drivers'}
        </UnstyledButton>
        {canWrite && alert.status !== 'resolved' ? (
          <Group gap="xs">
            <AlertTaskButton alert={alert} />
            {alert.status === 'new' ? (
              <Button
                size="compact-sm"
                variant="default"
                loading={action.isPending && action.variables?.action === 'acknowledge'}
                onClick={() => action.mutate({ id: alert.id, action: 'acknowledge' })}
              >
                Acknowledge
              </Button>
            ) : null}
            <Button
              size="compact-sm"
              variant="light"
              color="teal"
              loading={action.isPending && action.variables?.action === 'resolve'}
              onClick={() => action.mutate({ id: alert.id, action: 'resolve' })}
            >
              Resolve
            </Button>
          </Group>
        ) : null}
      </Group>
      <FormError error={action.error} />
      <Collapse expanded={open}>
        <Stack mt="sm">{open ? <AlertDrivers alert={alert} currency={currency} /> : null}</Stack>
      </Collapse>
    </Box>
  );
}
