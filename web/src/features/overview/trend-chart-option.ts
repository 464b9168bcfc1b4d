// The echarts option for the daily trend: GMV as bars on the left axis, orders as a line on the
// right, and the current compared period shaded. Kept apart from the component so the option is
// a plain function of the data.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { formatCount, formatMoney, formatMoneyCompact, formatShortDate, MISSING } from '../../ui/format';
import { chartColors, FONT_STACK } from '../../ui/tokens';
import type { DateRange, TrendPoint } from './overview-api';

export type TrendChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
>;

export interface TrendChartInput {
  trend: readonly TrendPoint[];
  currency: string;
  /** The period the KPIs describe; shaded when it lies within the trend. */
  current: DateRange | null;
  currentLabel: string;
  /** Off when the user asks for reduced motion (and in screenshots). */
  animate: boolean;
}

function tooltipValue(format: (value: number) => string) {
  return (value: unknown) => (typeof value === 'number' ? format(value) : MISSING);
}

function currentPeriodArea(input: TrendChartInput): BarSeriesOption['markArea'] {
  const { trend, current, currentLabel } = input;
  if (!current || !trend.some((point) => point.date === current.from)) return undefined;
  const last = trend.some((point) => point.date === current.to) ? current.to : trend[trend.length - 1]?.date;
  if (!last) return undefined;
  return {
    silent: true,
    itemStyle: { color: chartColors.highlight },
    label: { show: true, position: 'insideTop', color: chartColors.axisText, fontSize: 11, distance: 6 },
    data: [[{ name: currentLabel, xAxis: formatShortDate(current.from) }, { xAxis: formatShortDate(last) }]],
  };
}

export function trendChartOption(input: TrendChartInput): TrendChartOption {
  const { trend, currency } = input;
  return {
    animation: input.animate,
    animationDuration: 300,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: chartColors.legendText, fontSize: 12 },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: chartColors.highlight } },
      textStyle: { fontSize: 12 },
    },
    xAxis: {
      type: 'category',
      data: trend.map((point) => formatShortDate(point.date)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColors.axisLine } },
      axisLabel: { color: chartColors.axisText, fontSize: 11, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        axisLabel: {
          color: chartColors.axisText,
          fontSize: 11,
          formatter: (value: number) => formatMoneyCompact(value, currency),
        },
        splitLine: { lineStyle: { color: chartColors.gridLine } },
      },
      {
        type: 'value',
        axisLabel: {
          color: chartColors.axisText,
          fontSize: 11,
          formatter: (value: number) => formatCount(value),
        },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: 'GMV',
        type: 'bar',
        yAxisIndex: 0,
        data: trend.map((point) => point.gmv),
        itemStyle: { color: chartColors.gmv, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 28,
        markArea: currentPeriodArea(input),
        tooltip: { valueFormatter: tooltipValue((value) => formatMoney(value, currency)) },
      },
      {
        name: 'Orders',
        type: 'line',
        yAxisIndex: 1,
        data: trend.map((point) => point.orders),
        itemStyle: { color: chartColors.orders },
        lineStyle: { width: 2 },
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: trend.length <= 31,
        tooltip: { valueFormatter: tooltipValue(formatCount) },
      },
    ],
  };
}
