// Daily GMV and orders. Registers only the echarts parts it uses (smaller bundle) and renders to
// SVG, which stays crisp on every screen and in screenshots. Loaded lazily by OverviewTrend.
import { useMemo } from 'react';
import { useReducedMotion } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { trendChartOption, type TrendChartInput } from './trend-chart-option';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  SVGRenderer,
]);

export interface TrendChartProps extends Omit<TrendChartInput, 'animate'> {
  height: number;
}

export function TrendChart({ trend, currency, current, currentLabel, height }: TrendChartProps) {
  const animate = !useReducedMotion();
  const option = useMemo(
    () => trendChartOption({ trend, currency, current, currentLabel, animate }),
    [trend, currency, current, currentLabel, animate],
  );
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      data-testid="trend-chart"
    />
  );
}
