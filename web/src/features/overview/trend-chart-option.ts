// The echarts option for the GMV trend: daily GMV as bars with the live part drawn over them, the
// live GMV share as a line on a percent axis, and the comparison period's GMV as a dashed line.
// Days without data stay gaps (null), never zeros. When the trend reaches back before the chosen
// period (it always shows at least 28 days), the chosen period is shaded. A plain function of the
// data, so it is tested without a browser.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { formatRate, MISSING } from '../../ui/format';
import { chartColors, FONT_STACK } from '../../ui/tokens';
import type { DateRange, TrendPoint } from './overview-api';
import { formatDay, formatDayShort, formatMoneyAxis, formatMoneyExact } from './overview-format';

export type TrendChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
>;

export const trendColors = {
  gmv: '#bac8ff',
  liveGmv: '#5c7cfa',
  share: '#f08c00',
  comparison: '#868e96',
} as const;

export interface TrendChartInput {
  trend: readonly TrendPoint[];
  currency: string;
  /** The chosen period; shaded when the trend also shows days before it. */
  current: DateRange | null;
  /** Names the dashed line ("previous period"); null when there is none (targets). */
  comparisonName: string | null;
  /** Off when the user asks for reduced motion (and in screenshots). */
  animate: boolean;
}

export const SERIES_NAMES = { gmv: 'GMV', liveGmv: 'Live GMV', share: 'Live GMV share' } as const;

function marker(color: string, dashed = false): string {
  const style = dashed
    ? `border-top:2px dashed ${color};height:0;margin-bottom:3px`
    : `background:${color};height:8px;border-radius:2px`;
  return `<span style="display:inline-block;width:10px;margin-right:6px;${style}"></span>`;
}

function line(mark: string, label: string, value: string): string {
  return `<div style="display:flex;gap:16px;justify-content:space-between"><span>${mark}${label}</span><b>${value}</b></div>`;
}

/** The tooltip of one day: every value of that day, a dash where there is none. */
export function trendTooltip(point: TrendPoint, currency: string, comparisonName: string | null): string {
  const money = (value: number | null) => (value === null ? MISSING : formatMoneyExact(value, currency));
  const rows = [
    `<div style="margin-bottom:4px">${formatDay(point.date)}</div>`,
    line(marker(trendColors.gmv), SERIES_NAMES.gmv, money(point.gmv)),
    line(marker(trendColors.liveGmv), SERIES_NAMES.liveGmv, money(point.liveGmv)),
    line(
      marker(trendColors.share),
      SERIES_NAMES.share,
      point.liveGmvShare === null ? MISSING : formatRate(point.liveGmvShare),
    ),
  ];
  if (comparisonName)
    rows.push(
      line(marker(trendColors.comparison, true), `GMV, ${comparisonName}`, money(point.comparisonGmv)),
    );
  return rows.join('');
}

function currentPeriodArea(
  trend: readonly TrendPoint[],
  current: DateRange | null,
): BarSeriesOption['markArea'] {
  const first = trend[0]?.date;
  const last = trend[trend.length - 1]?.date;
  if (!current || !first || !last || current.from <= first || current.from > last) return undefined;
  return {
    silent: true,
    itemStyle: { color: chartColors.highlight },
    label: { show: true, position: 'insideTop', color: chartColors.axisText, fontSize: 11, distance: 6 },
    data: [
      [
        { name: 'Period', xAxis: formatDayShort(current.from) },
        { xAxis: formatDayShort(current.to < last ? current.to : last) },
      ],
    ],
  };
}

export function trendChartOption(input: TrendChartInput): TrendChartOption {
  const { trend, currency, comparisonName } = input;
  const axisLabel = { color: chartColors.axisText, fontSize: 11 };
  const series: TrendChartOption['series'] = [
    {
      name: SERIES_NAMES.gmv,
      type: 'bar',
      yAxisIndex: 0,
      data: trend.map((point) => point.gmv),
      itemStyle: { color: trendColors.gmv, borderRadius: [3, 3, 0, 0] },
      barMaxWidth: 26,
      markArea: currentPeriodArea(trend, input.current),
    },
    {
      name: SERIES_NAMES.liveGmv,
      type: 'bar',
      yAxisIndex: 0,
      // Drawn over the GMV bar of the same day: the dark part of each bar is its live GMV.
      barGap: '-100%',
      data: trend.map((point) => point.liveGmv),
      itemStyle: { color: trendColors.liveGmv },
      barMaxWidth: 26,
    },
    {
      name: SERIES_NAMES.share,
      type: 'line',
      yAxisIndex: 1,
      data: trend.map((point) => point.liveGmvShare),
      connectNulls: false,
      itemStyle: { color: trendColors.share },
      lineStyle: { width: 2 },
      symbol: 'circle',
      symbolSize: 5,
      showSymbol: trend.length <= 31,
    },
  ];
  if (comparisonName) {
    series.push({
      name: `GMV, ${comparisonName}`,
      type: 'line',
      yAxisIndex: 0,
      data: trend.map((point) => point.comparisonGmv),
      connectNulls: false,
      itemStyle: { color: trendColors.comparison },
      lineStyle: { width: 1.5, type: 'dashed' },
      symbol: 'none',
    });
  }
  return {
    animation: input.animate,
    animationDuration: 300,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 8, right: 8, top: 56, bottom: 4, containLabel: true },
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
      confine: true,
      axisPointer: { type: 'shadow', shadowStyle: { color: chartColors.highlight } },
      textStyle: { fontSize: 12 },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const point = trend[first?.dataIndex ?? -1];
        return point ? trendTooltip(point, currency, comparisonName) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: trend.map((point) => formatDayShort(point.date)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColors.axisLine } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        axisLabel: { ...axisLabel, formatter: (value: number) => formatMoneyAxis(value, currency) },
        splitLine: { lineStyle: { color: chartColors.gridLine } },
      },
      {
        type: 'value',
        min: 0,
        axisLabel: { ...axisLabel, formatter: (value: number) => `${Math.round(value * 100)}%` },
        splitLine: { show: false },
      },
    ],
    series,
  };
}
