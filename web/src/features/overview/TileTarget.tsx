// The foot of a KPI tile: progress towards the period's target (pro-rated by the server for
// additive metrics) drawn with the Targets feature's own bar, or — without a target — a way to set
// one for those who may.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';
import { TargetProgressBar } from '../targets/TargetProgressBar';
import { statusColors, statusLabels } from '../targets/TargetStatusBadge';
import { formatRate } from '../../ui/format';
import type { OverviewKpi } from './overview-api';
import { formatExact, formatShort } from './overview-format';
import classes from './KpiTile.module.css';

/** Where targets are set (Settings → Targets). */
export const TARGETS_SETTINGS_PATH = '/settings/targets';

export interface TileTargetProps {
  kpi: OverviewKpi;
  currency: string;
  testId: string;
}

export function TileTarget({ kpi, currency, testId }: TileTargetProps) {
  const canSet = useCan('manage');
  if (kpi.target === null) {
    return (
      <div className={classes.target} data-testid={testId} data-state="none">
        No target
        {canSet ? (
          <>
            {' — '}
            <Anchor
              component={Link}
              to={TARGETS_SETTINGS_PATH}
              size="xs"
              title="Set targets in Settings → Targets"
              data-testid={`${testId}-set`}
            >
              set one
            </Anchor>
          </>
        ) : null}
      </div>
    );
  }
  const progress = kpi.targetProgress;
  const status = kpi.targetStatus;
  return (
    <div className={classes.target} data-testid={testId} data-state={status ?? 'none'}>
      <div className={classes.targetLine}>
        <span>
          Target{' '}
          <Text span inherit fw={600} c="dark.6">
            {formatShort(kpi.target, kpi.format, currency)}
          </Text>
        </span>
        <Text
          span
          inherit
          fw={600}
          c={status ? `${statusColors[status]}.8` : 'dimmed'}
          title={status ? statusLabels[status] : undefined}
          data-testid={`${testId}-progress`}
        >
          {progress === null ? '—' : formatRate(progress)}
        </Text>
      </div>
      <TargetProgressBar
        value={kpi.value}
        target={kpi.target}
        projection={null}
        status={status}
        valueText={formatExact(kpi.value, kpi.format, currency)}
        targetText={formatExact(kpi.target, kpi.format, currency)}
        size="sm"
      />
    </div>
  );
}
