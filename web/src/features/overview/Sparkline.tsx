// A KPI tile's daily sparkline (loaded lazily with echarts; see echarts-core.ts).
import { useMemo } from 'react';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-core';
import { sparklineOption, type SparklineInput } from './sparkline-option';

export interface SparklineProps extends SparklineInput {
  height: number;
}

export function Sparkline({ values, dates, format, currency, color, height }: SparklineProps) {
  const option = useMemo(
    () => sparklineOption({ values, dates, format, currency, color }),
    [values, dates, format, currency, color],
  );
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
    />
  );
}
