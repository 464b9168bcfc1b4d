// echarts options of the session page, as plain functions of the data (tested without a browser):
// - the minute timeline: viewers online and enters on the left axis, likes, comments and orders per
//   minute on the right, GMV per minute as bars on its own axis; peaks pinned, drop-offs shaded,
//   reviewer notes as dashed lines at their minute;
// - the host trend: the weekly median peer score of the host's sessions, the 50 line being the peer
//   median, the session's own week marked.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { formatCount, formatMoney, formatMoneyCompact, formatShortDate, MISSING } from '../../ui/format';
import { chartColors, FONT_STACK } from '../../ui/tokens';
import type { HostTrend, Timeline, TimelineMinute } from './livestreams-api';
import { formatMinute } from './session-format';

export type SessionChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | TooltipComponentOption
>;

export const timelineColors = {
  viewers: '#4c6ef5',
  enters: '#91a7ff',
  likes: '#f783ac',
  comments: '#20c997',
  orders: '#f08c00',
  gmv: '#ffd8a8',
  dropOff: 'rgba(250, 82, 82, 0.10)',
  peak: '#4c6ef5',
  note: '#7950f2',
} as const;

export const TIMELINE_SERIES = [
  { key: 'viewers_online', name: 'Viewers online', axis: 0, type: 'line', color: timelineColors.viewers },
  { key: 'enters', name: 'Enters', axis: 0, type: 'line', color: timelineColors.enters },
  { key: 'likes', name: 'Likes', axis: 1, type: 'line', color: timelineColors.likes },
  { key: 'comments', name: 'Comments', axis: 1, type: 'line', color: timelineColors.comments },
  { key: 'orders', name: 'Orders', axis: 1, type: 'bar', color: timelineColors.orders },
  { key: 'gmv', name: 'GMV', axis: 2, type: 'bar', color: timelineColors.gmv },
] as const satisfies readonly {
  key: keyof TimelineMinute;
  name: string;
  axis: number;
  type: 'line' | 'bar';
  color: string;
}[];

const axisLabel = { color: chartColors.axisText, fontSize: 11 };

function tooltipFor(minute: TimelineMinute, timeline: Timeline, currency: string): string {
  const rows = TIMELINE_SERIES.map((s) => {
    const value = minute[s.key];
    const text =
      value === null ? MISSING : s.key === 'gmv' ? formatMoney(value, currency) : formatCount(value);
    return `<div style="display:flex;gap:16px;justify-content:space-between"><span><span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${s.color}"></span>${s.name}</span><b>${text}</b></div>`;
  });
  const notes = timeline.notes
    .filter((n) => n.minute === minute.minute)
    .map(
      (n) => `<div style="margin-top:4px;max-width:260px;white-space:normal">📌 ${escapeHtml(n.body)}</div>`,
    );
  return [
    `<div style="margin-bottom:4px">Minute ${formatMinute(minute.minute)}</div>`,
    ...rows,
    ...notes,
  ].join('');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function timelineChartOption(
  timeline: Timeline,
  currency: string,
  animate: boolean,
): SessionChartOption {
  const minutes = timeline.minutes;
  const labels = minutes.map((m) => String(m.minute));
  const peaks = timeline.events.filter((e) => e.kind === 'peak');
  const drops = timeline.events.filter((e) => e.kind === 'drop_off');
  const series: SessionChartOption['series'] = TIMELINE_SERIES.map((s) => {
    const base = {
      name: s.name,
      yAxisIndex: s.axis,
      data: minutes.map((m) => m[s.key]),
      itemStyle: { color: s.color },
    };
    if (s.type === 'bar') return { ...base, type: 'bar' as const, barMaxWidth: 8, z: 1 };
    return {
      ...base,
      type: 'line' as const,
      symbol: 'none',
      connectNulls: false,
      z: s.key === 'viewers_online' ? 4 : 3,
      lineStyle: { width: s.key === 'viewers_online' ? 2.25 : 1.25 },
    };
  });
  const viewers = series[0] as LineSeriesOption;
  viewers.markPoint = {
    symbol: 'pin',
    symbolSize: 38,
    itemStyle: { color: timelineColors.peak },
    label: { color: '#fff', fontSize: 10, formatter: 'Peak' },
    data: peaks.map((p) => ({ name: p.label, coord: [String(p.minute), p.viewers], value: p.viewers })),
  };
  viewers.markArea = {
    silent: true,
    itemStyle: { color: timelineColors.dropOff },
    label: { show: true, position: 'insideTop', color: '#c92a2a', fontSize: 10 },
    data: drops.map((d) => [
      { name: `−${Math.round(d.share * 100)}%`, xAxis: String(d.fromMinute) },
      { xAxis: String(d.minute) },
    ]),
  };
  viewers.markLine = {
    silent: false,
    symbol: ['none', 'circle'],
    symbolSize: 6,
    lineStyle: { color: timelineColors.note, type: 'dashed', width: 1.25 },
    label: { show: true, position: 'end', formatter: '📌', fontSize: 12 },
    data: [...new Set(timeline.notes.map((n) => n.minute))].map((minute) => ({
      xAxis: String(minute),
      name: 'Note',
    })),
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
        return minute ? tooltipFor(minute, timeline, currency) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
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
      {
        type: 'value',
        min: 0,
        show: false,
        // GMV bars stay in the lower third, under the lines.
        max: (extent: { max: number }) => Math.max(1, extent.max * 3),
        axisLabel: { ...axisLabel, formatter: (value: number) => formatMoneyCompact(value, currency) },
      },
    ],
    series,
  };
}

export function hostTrendOption(
  trend: HostTrend,
  sessionWeek: string | null,
  animate: boolean,
): SessionChartOption {
  const own = trend.weeks.findIndex((w) => w.week === sessionWeek);
  return {
    animation: animate,
    animationDuration: 300,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontSize: 12 },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const week = trend.weeks[first?.dataIndex ?? -1];
        if (!week) return '';
        return `Week of ${formatShortDate(week.week)}<br/>Median peer score <b>${week.score === null ? MISSING : week.score.toFixed(0)}</b><br/>${week.sessions} session${week.sessions === 1 ? '' : 's'}`;
      },
    },
    xAxis: {
      type: 'category',
      data: trend.weeks.map((w) => formatShortDate(w.week)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColors.axisLine } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel,
      splitLine: { lineStyle: { color: chartColors.gridLine } },
    },
    series: [
      {
        name: 'Median peer score',
        type: 'line',
        data: trend.weeks.map((w) => w.score),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 6,
        itemStyle: { color: timelineColors.viewers },
        lineStyle: { width: 2 },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColors.axisText, type: 'dashed', width: 1 },
          label: {
            formatter: 'peer median',
            position: 'insideEndTop',
            color: chartColors.axisText,
            fontSize: 10,
          },
          data: [{ yAxis: 50 }],
        },
        markPoint:
          own >= 0 && trend.weeks[own]?.score != null
            ? {
                symbol: 'circle',
                symbolSize: 12,
                itemStyle: { color: '#fff', borderColor: timelineColors.viewers, borderWidth: 3 },
                label: { show: false },
                data: [{ coord: [own, trend.weeks[own]?.score ?? 0], name: 'This session' }],
              }
            : undefined,
      },
    ],
  };
}
