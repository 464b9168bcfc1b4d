// The GMV trend (option in trend-chart-option.ts). Loaded lazily by OverviewTrend. Clicking a day
// opens that day's sellers.
import { useMemo } from 'react';
import { useReducedMotion } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useNavigate } from 'react-router';
import { echarts } from './echarts-core';
import { dayHref } from './overview-links';
import { trendChartOption, type TrendChartInput } from './trend-chart-option';

export interface TrendChartProps extends Omit<TrendChartInput, 'animate'> {
  height: number;
}

export function TrendChart({ trend, currency, current, comparisonName, height }: TrendChartProps) {
  const animate = !useReducedMotion();
  const navigate = useNavigate();
  const option = useMemo(
    () => trendChartOption({ trend, currency, current, comparisonName, animate }),
    [trend, currency, current, comparisonName, animate],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: { componentType?: string; dataIndex?: number }) => {
        const point = event.componentType === 'series' ? trend[event.dataIndex ?? -1] : undefined;
        if (point) void navigate(dayHref(point.date));
      },
    }),
    [trend, navigate],
  );
  return (
    <div data-testid="trend-chart">
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
        onEvents={onEvents}
      />
    </div>
  );
}
