// One KPI as a tile: its value (a link to the list behind it), the change against the comparison
// coloured by whether it is good news, a daily sparkline and the progress towards its target.
// Exact figures are a hover away; the tile itself shows them short.
import { lazy, Suspense } from 'react';
import { Anchor, Paper, Skeleton, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatChangeRatio } from '../../ui/format';
import type { DateRange, OverviewKpi } from './overview-api';
import {
  changeArrow,
  changeTone,
  comparisonName,
  comparisonShortName,
  formatChangeExact,
  formatExact,
  formatHeadlineChange,
  formatRange,
  formatShort,
} from './overview-format';
import { kpiHref } from './overview-links';
import type { Comparison } from './overview-view';
import { TileTarget } from './TileTarget';
import classes from './KpiTile.module.css';

const Sparkline = lazy(() => import('./Sparkline').then((module) => ({ default: module.Sparkline })));

const SPARK_COLOR = '#5c7cfa';

export interface KpiTileProps {
  kpi: OverviewKpi;
  currency: string;
  current: DateRange | null;
  comparisonRange: DateRange | null;
  compare: Comparison;
  /** The day of each sparkline value. */
  days: readonly string[];
}

export function KpiTile({ kpi, currency, current, comparisonRange, compare, days }: KpiTileProps) {
  const id = `kpi-${kpi.metric}`;
  const tone = changeTone(kpi.change, kpi.direction);
  const exact = formatExact(kpi.value, kpi.format, currency);
  const against =
    compare === 'target' || !comparisonRange
      ? comparisonName(compare)
      : `${comparisonName(compare)} (${formatRange(comparisonRange.from, comparisonRange.to)})`;
  const changeDetail =
    kpi.change === null
      ? `Nothing to compare with: the ${comparisonName(compare)} has no value.`
      : `${formatChangeExact(kpi.change, kpi.format, currency)} (${formatChangeRatio(kpi.changeRatio)}) against the ${against}: ${formatExact(kpi.comparison, kpi.format, currency)}`;
  const sparkPoints = kpi.sparkline.filter((value) => value !== null).length;

  return (
    <Paper withBorder className={classes.tile} data-testid={id}>
      <div className={classes.head}>
        <Tooltip label={kpi.description} multiline w={260} withArrow position="top-start" openDelay={200}>
          <Text className={classes.label} size="xs" c="dimmed" fw={600} tt="uppercase" tabIndex={0}>
            {kpi.label}
          </Text>
        </Tooltip>
        {kpi.approximate ? (
          <Tooltip
            label="Approximate: part of this value comes from daily exports without order lines, where one buyer on two days counts twice."
            multiline
            w={260}
            withArrow
          >
            <span
              className={classes.approximate}
              data-testid={`${id}-approximate`}
              tabIndex={0}
              aria-label="Approximate value"
            >
              ≈
            </span>
          </Tooltip>
        ) : null}
      </div>
      <div className={classes.main}>
        <div className={classes.figures}>
          <Anchor
            component={Link}
            to={kpiHref(kpi.metric, current)}
            underline="hover"
            className={classes.value}
            data-testid={`${id}-value`}
            data-value={kpi.value ?? ''}
            title={`${exact} — open the list behind it`}
          >
            {formatShort(kpi.value, kpi.format, currency)}
          </Anchor>
          <div className={classes.change} title={changeDetail}>
            {kpi.change === null ? (
              <span className={classes.badge} data-tone="none" data-testid={`${id}-change`}>
                {compare === 'target' ? 'No target' : 'No comparison'}
              </span>
            ) : (
              <span className={classes.badge} data-tone={tone} data-testid={`${id}-change`}>
                <span aria-hidden="true" className={classes.arrow}>
                  {changeArrow(kpi.change)}
                </span>
                {formatHeadlineChange(kpi.change, kpi.changeRatio, kpi.format, currency)}
              </span>
            )}
            {kpi.comparison === null ? null : (
              <span className={classes.vs}>
                {comparisonShortName(compare)}{' '}
                <span data-testid={`${id}-comparison`} data-value={kpi.comparison}>
                  {formatShort(kpi.comparison, kpi.format, currency)}
                </span>
              </span>
            )}
          </div>
        </div>
        <div className={classes.spark} data-testid={`${id}-sparkline`} aria-hidden="true">
          {sparkPoints >= 2 ? (
            <Suspense fallback={null}>
              <Sparkline
                values={kpi.sparkline}
                dates={days}
                format={kpi.format}
                currency={currency}
                color={SPARK_COLOR}
                height={44}
              />
            </Suspense>
          ) : null}
        </div>
      </div>
      <TileTarget kpi={kpi} currency={currency} testId={`${id}-target`} />
    </Paper>
  );
}

export function KpiTileSkeleton() {
  return (
    <Paper withBorder className={classes.tile} aria-hidden="true">
      <Skeleton height={10} width="40%" mb={8} />
      <Skeleton height={26} width="60%" mb={8} />
      <Skeleton height={14} width="50%" mb={8} />
      <Skeleton height={36} mb={8} />
      <Skeleton height={8} width="100%" />
    </Paper>
  );
}
