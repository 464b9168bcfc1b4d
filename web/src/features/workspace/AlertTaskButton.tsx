// "Create task" on an alert: a task linked back to the alert (source 'alert', its id), about the
// alert's seller when the alert is about one, with the alert's sentence as description.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { TaskQuickModal } from './TaskQuickModal';
import { addDays } from './workspace-format';

export interface AlertForTask {
  id: number;
  metricLabel: string;
  scope: string;
  scopeLabel: string;
  severity: string;
  explanation: { sentence: string } | null;
}

export function AlertTaskButton({ alert }: { alert: AlertForTask }) {
  const [open, setOpen] = useState(false);
  const sellerId = alert.scope.startsWith('seller:') ? alert.scope.slice('seller:'.length) : null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => setOpen(true)}
        data-testid="alert-create-task"
      >
        Create task
      </Button>
      <TaskQuickModal
        opened={open}
        onClose={() => setOpen(false)}
        prefill={{
          title: `${alert.metricLabel} · ${alert.scopeLabel}: find out why`,
          seller: sellerId ? { id: sellerId, name: alert.scopeLabel } : null,
          description: alert.explanation?.sentence ?? null,
          dueAt: addDays(new Date().toISOString().slice(0, 10), 3),
          source: 'alert',
          sourceRef: String(alert.id),
          sourceLabel: `alert #${alert.id}`,
          priority: alert.severity === 'critical' ? 'high' : 'normal',
        }}
      />
    </>
  );
}
