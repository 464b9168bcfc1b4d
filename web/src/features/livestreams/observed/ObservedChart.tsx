// The observed minute timeline chart, loaded on demand like the session page's other charts.
import { useMemo } from 'react';
import { useReducedMotion } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from '../livestream-echarts';
import type { ObservedMinute } from './observed-api';
import { observedChartOption } from './observed-chart-option';

export function ObservedChart({ minutes, height }: { minutes: readonly ObservedMinute[]; height: number }) {
  const animate = !useReducedMotion();
  const option = useMemo(() => observedChartOption(minutes, animate), [minutes, animate]);
  return (
    <div data-testid="observed-chart">
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
