// How far a target is: the actual so far (solid), where the period is heading (faint, the
// projection) and the target itself (a tick), coloured by status. The scale runs to whichever is
// largest, so an overshoot stays visible instead of being clipped at 100 %. The Overview page
// uses it next to a KPI; the status and the numbers come finished from the server.
import { Tooltip } from '@mantine/core';
import type { TargetStatus } from './targets-api';
import { statusColors, statusLabels } from './TargetStatusBadge';
import classes from './TargetProgressBar.module.css';

export interface TargetProgressBarProps {
  /** The actual so far; null when there is no data yet. */
  value: number | null;
  target: number;
  projection: number | null;
  status: TargetStatus | null;
  /** Display strings for the tooltip and screen readers, e.g. `$1,450.50`; numbers are used when absent. */
  valueText?: string;
  targetText?: string;
  projectionText?: string;
  size?: 'sm' | 'md';
  'data-testid'?: string;
}

const share = (part: number, whole: number): number => (whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0);

export function TargetProgressBar(props: TargetProgressBarProps) {
  const { value, target, projection, status, size = 'md' } = props;
  const scale = Math.max(target, value ?? 0, projection ?? 0);
  const color = `var(--mantine-color-${status ? statusColors[status] : 'gray'}-6)`;
  const valueText = props.valueText ?? (value === null ? 'no data yet' : String(value));
  const targetText = props.targetText ?? String(target);
  const projectionText = props.projectionText ?? (projection === null ? '—' : String(projection));
  const description = `${valueText} of ${targetText}; projected ${projectionText}${status ? ` (${statusLabels[status].toLowerCase()})` : ''}`;
  return (
    <Tooltip label={description} withArrow openDelay={150}>
      <div
        className={classes.bar}
        data-size={size}
        role="img"
        aria-label={description}
        data-status={status ?? 'none'}
        data-testid={props['data-testid']}
      >
        {projection !== null ? <div className={classes.projection} style={{ width: `${share(projection, scale)}%`, background: color }} /> : null}
        {value !== null ? <div className={classes.actual} style={{ width: `${share(value, scale)}%`, background: color }} /> : null}
        {scale > 0 ? <div className={classes.target} style={{ left: `${share(target, scale)}%` }} /> : null}
      </div>
    </Tooltip>
  );
}
