// The foot of a KPI tile: progress towards the period's target (pro-rated by the server for
// additive metrics), or — without one — a way to set it for those who may.
// TODO(targets): web/src/features/targets/TargetProgressBar.tsx was not there when this was
// written; once it is, it can replace the bar below.
import { Anchor, Progress, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';
import { formatRate } from '../../ui/format';
import type { OverviewKpi } from './overview-api';
import { formatShort, targetMet } from './overview-format';
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
  const met = targetMet(progress, kpi.direction);
  const color = met === null ? 'indigo' : met ? 'teal' : 'orange';
  return (
    <div
      className={classes.target}
      data-testid={testId}
      data-state={met === null ? 'set' : met ? 'met' : 'short'}
    >
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
          c={met === null ? 'dimmed' : met ? 'teal.8' : 'orange.8'}
          data-testid={`${testId}-progress`}
        >
          {progress === null ? '—' : formatRate(progress)}
        </Text>
      </div>
      <Progress
        value={progress === null ? 0 : Math.min(100, Math.max(0, progress * 100))}
        color={color}
        size="sm"
        radius="xl"
        aria-label={`${kpi.label}: ${progress === null ? 'no value' : formatRate(progress)} of target`}
      />
    </div>
  );
}
