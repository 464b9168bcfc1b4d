// MOUNT POINT for the open alerts on the Overview. The alerts feature (web/src/features/alerts/,
// built separately) provides `AlertsPanel`: the list of open alerts with their explanation and
// acknowledge. This component finds that module at build time and shows it in a card; while the
// module does not exist yet, it renders nothing — so the Overview builds either way and picks the
// panel up as soon as the file lands, with no edit here.
import { lazy, Suspense, type ComponentType } from 'react';
import { Card, Skeleton, Text } from '@mantine/core';

interface AlertsModule {
  AlertsPanel?: ComponentType;
}

// An empty object when the file does not exist (a glob, unlike an import, may match nothing).
const alertsModules = import.meta.glob<AlertsModule>('../alerts/AlertsPanel.tsx');
const loadAlerts = Object.values(alertsModules)[0];

const AlertsPanel = loadAlerts
  ? lazy(async () => {
      const module = await loadAlerts();
      const Panel = module.AlertsPanel;
      if (!Panel) throw new Error('web/src/features/alerts/AlertsPanel.tsx does not export AlertsPanel');
      return { default: Panel };
    })
  : null;

/** Whether the alerts panel exists in this build. */
export const HAS_ALERTS_PANEL = AlertsPanel !== null;

export function OverviewAlerts() {
  if (!AlertsPanel) return null;
  return (
    <Card data-testid="overview-alerts">
      <Text fw={600} size="sm" component="h2" mb="sm">
        Open alerts
      </Text>
      <Suspense fallback={<Skeleton height={80} />}>
        <AlertsPanel />
      </Suspense>
    </Card>
  );
}
