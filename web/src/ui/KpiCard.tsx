// One KPI as a card: its value, the change against the comparison period (absolute and relative,
// coloured by direction) and the comparison value itself. It receives display strings only; the
// numbers behind them come finished from the server and are formatted by the caller.
import { Group, Paper, Skeleton, Text, Tooltip } from '@mantine/core';
import type { ChangeDirection } from './format';
import classes from './KpiCard.module.css';

export interface KpiCardProps {
  /** Used for `data-testid` hooks: `kpi-<id>-value`, `-change`, `-change-ratio`, `-previous`. */
  id: string;
  label: string;
  /** The metric's definition, shown when hovering the label. */
  definition?: string;
  value: string;
  change: string;
  changeRatio: string;
  direction: ChangeDirection;
  previous: string;
  /** Names the comparison value, e.g. "Previous 7 days". */
  previousLabel: string;
}

const arrows: Record<ChangeDirection, string> = { up: '▲', down: '▼', flat: '■', none: '' };

export function KpiCard(props: KpiCardProps) {
  const { id, label, definition, value, change, changeRatio, direction, previous, previousLabel } = props;
  const labelText = (
    <Text
      className={classes.label}
      size="xs"
      c="dimmed"
      fw={600}
      tt="uppercase"
      data-defined={definition ? '' : undefined}
    >
      {label}
    </Text>
  );
  return (
    <Paper withBorder className={classes.card} data-testid={`kpi-${id}`}>
      {definition ? (
        <Tooltip label={definition} multiline w={260} withArrow position="top-start" openDelay={200}>
          {labelText}
        </Tooltip>
      ) : (
        labelText
      )}
      <Text className={classes.value} data-testid={`kpi-${id}-value`}>
        {value}
      </Text>
      <Group gap={6} className={classes.change} data-direction={direction}>
        {direction === 'none' ? (
          <Text span inherit c="dimmed">
            No comparison
          </Text>
        ) : (
          <>
            <span aria-hidden="true" className={classes.arrow}>
              {arrows[direction]}
            </span>
            <Text span fw={600} inherit data-testid={`kpi-${id}-change`}>
              {change}
            </Text>
            <Text span inherit data-testid={`kpi-${id}-change-ratio`}>
              ({changeRatio})
            </Text>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed" className={classes.previous}>
        {previousLabel}: <span data-testid={`kpi-${id}-previous`}>{previous}</span>
      </Text>
    </Paper>
  );
}

export function KpiCardSkeleton() {
  return (
    <Paper withBorder className={classes.card} aria-hidden="true">
      <Skeleton height={10} width="40%" mb={12} />
      <Skeleton height={26} width="70%" mb={12} />
      <Skeleton height={12} width="55%" mb={8} />
      <Skeleton height={10} width="45%" />
    </Paper>
  );
}
