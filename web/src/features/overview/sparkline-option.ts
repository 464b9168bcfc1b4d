// The echarts option of a KPI tile's sparkline: one value per day of the period, days without data
// left as gaps (a missing day is not a zero), no axes, and a tooltip naming the day and its value.
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { MISSING, type ValueFormat } from '../../ui/format';
import { FONT_STACK } from '../../ui/tokens';
import { formatDay, formatShort } from './overview-format';

export type SparklineOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface SparklineInput {
  values: readonly (number | null)[];
  /** The day of each value. */
  dates: readonly string[];
  format: ValueFormat;
  currency: string;
  color: string;
}

export function sparklineOption({ values, dates, format, currency, color }: SparklineInput): SparklineOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: [...dates] },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      transitionDuration: 0,
      axisPointer: { type: 'line', lineStyle: { color: '#ced4da' } },
      textStyle: { fontSize: 12 },
      padding: [4, 8],
      formatter: (params: unknown) => {
        const point = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const index = point?.dataIndex ?? 0;
        const date = dates[index];
        const value = values[index] ?? null;
        return `${date ? formatDay(date) : ''}<br/><b>${value === null ? MISSING : formatShort(value, format, currency)}</b>`;
      },
    },
    series: [
      {
        type: 'line',
        data: [...values],
        connectNulls: false,
        showSymbol: values.length <= 1,
        symbolSize: 4,
        lineStyle: { width: 1.6, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.08 },
        emphasis: { disabled: true },
      },
    ],
  };
}
