// The echarts option of the observed minute timeline, a plain function of the data (tested without
// a browser): viewers online and enters on the left axis; comments, questions and gifts per minute
// on the right; likes (sampled) on a hidden axis of their own so they do not flatten the rest; the
// minutes with product events (shopping cards, pins) marked with a dashed line (named under the
// chart: an emoji label would need an emoji font the machine may not have).
import type { LineSeriesOption } from 'echarts/charts';
import { formatCount } from '../../../ui/format';
import { chartColors, FONT_STACK } from '../../../ui/tokens';
import type { SessionChartOption } from '../session-chart-options';
import { timelineColors } from '../session-chart-options';
import { formatMinute } from '../session-format';
import type { ObservedMinute } from './observed-api';

export const OBSERVED_SERIES = [
  { key: 'viewersOnline', name: 'Viewers online', axis: 0, type: 'line', color: timelineColors.viewers },
  { key: 'enters', name: 'Enters', axis: 0, type: 'line', color: timelineColors.enters },
  { key: 'comments', name: 'Comments', axis: 1, type: 'line', color: timelineColors.comments },
  { key: 'questions', name: 'Questions', axis: 1, type: 'bar', color: '#63e6be' },
  { key: 'gifts', name: 'Gifts', axis: 1, type: 'bar', color: '#ffc078' },
  { key: 'likes', name: 'Likes (sampled)', axis: 2, type: 'line', color: timelineColors.likes },
] as const satisfies readonly {
  key: keyof ObservedMinute;
  name: string;
  axis: number;
  type: 'line' | 'bar';
  color: string;
}[];

export const PRODUCT_MARK_COLOR = '#f08c00';

const axisLabel = { color: chartColors.axisText, fontSize: 11 };

function tooltipFor(minute: ObservedMinute): string {
  const rows = OBSERVED_SERIES.map((s) => {
    const value = minute[s.key];
    return `<div style="display:flex;gap:16px;justify-content:space-between"><span><span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${s.color}"></span>${s.name}</span><b>${value === null ? '—' : formatCount(value)}</b></div>`;
  });
  const extra = [
    minute.diamonds > 0 ? `💎 ${formatCount(minute.diamonds)} diamonds` : null,
    minute.follows + minute.shares > 0
      ? `${formatCount(minute.follows)} follows · ${formatCount(minute.shares)} shares`
      : null,
    minute.productEvents > 0 ? `🛒 ${formatCount(minute.productEvents)} product events` : null,
  ].filter((line): line is string => line !== null);
  return [
    `<div style="margin-bottom:4px">Minute ${formatMinute(minute.minute)} · observed</div>`,
    ...rows,
    ...extra.map((line) => `<div style="margin-top:2px;color:#868e96">${line}</div>`),
  ].join('');
}

export function observedChartOption(
  minutes: readonly ObservedMinute[],
  animate: boolean,
): SessionChartOption {
  const series: SessionChartOption['series'] = OBSERVED_SERIES.map((s) => {
    const base = {
      name: s.name,
      yAxisIndex: s.axis,
      data: minutes.map((m) => m[s.key]),
      itemStyle: { color: s.color },
    };
    if (s.type === 'bar') return { ...base, type: 'bar' as const, barMaxWidth: 8, barGap: '0%', z: 1 };
    return {
      ...base,
      type: 'line' as const,
      symbol: 'none',
      connectNulls: s.key === 'viewersOnline',
      z: s.key === 'viewersOnline' ? 4 : 3,
      lineStyle: {
        width: s.key === 'viewersOnline' ? 2.25 : 1.25,
        type: s.key === 'likes' ? ('dashed' as const) : ('solid' as const),
      },
    };
  });
  const viewers = series[0] as LineSeriesOption;
  viewers.markLine = {
    silent: true,
    symbol: 'none',
    lineStyle: { color: PRODUCT_MARK_COLOR, type: 'dashed', width: 1 },
    label: { show: false },
    data: minutes
      .filter((m) => m.productEvents > 0)
      .map((m) => ({ xAxis: String(m.minute), name: 'Product shown' })),
  };
  return {
    animation: animate,
    animationDuration: 300,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 8, right: 8, top: 48, bottom: 4, containLabel: true },
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
      textStyle: { fontSize: 12 },
      axisPointer: { type: 'line', lineStyle: { color: chartColors.axisLine } },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const minute = minutes[first?.dataIndex ?? -1];
        return minute ? tooltipFor(minute) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: minutes.map((m) => String(m.minute)),
      boundaryGap: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColors.axisLine } },
      axisLabel: {
        ...axisLabel,
        hideOverlap: true,
        formatter: (value: string) => formatMinute(Number(value)),
      },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        name: 'viewers',
        nameTextStyle: axisLabel,
        axisLabel,
        splitLine: { lineStyle: { color: chartColors.gridLine } },
      },
      {
        type: 'value',
        min: 0,
        name: 'per minute',
        nameTextStyle: axisLabel,
        axisLabel,
        splitLine: { show: false },
      },
      { type: 'value', min: 0, show: false },
    ],
    series,
  };
}
