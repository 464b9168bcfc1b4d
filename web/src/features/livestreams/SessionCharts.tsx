// The session page's charts, loaded on demand (echarts arrives after the numbers are on screen).
// Clicking a minute of the timeline hands it to the note form.
import { useMemo } from 'react';
import { useReducedMotion } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from './livestream-echarts';
import type { HostTrend, Timeline } from './livestreams-api';
import { hostTrendOption, timelineChartOption } from './session-chart-options';

export function TimelineChart({
  timeline,
  currency,
  height,
  onPickMinute,
}: {
  timeline: Timeline;
  currency: string;
  height: number;
  onPickMinute?: (minute: number) => void;
}) {
  const animate = !useReducedMotion();
  const option = useMemo(
    () => timelineChartOption(timeline, currency, animate),
    [timeline, currency, animate],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: { dataIndex?: number }) => {
        const minute = timeline.minutes[event.dataIndex ?? -1]?.minute;
        if (minute !== undefined) onPickMinute?.(minute);
      },
    }),
    [timeline, onPickMinute],
  );
  return (
    <div data-testid="timeline-chart">
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

export function HostTrendChart({
  trend,
  sessionWeek,
  height,
}: {
  trend: HostTrend;
  sessionWeek: string | null;
  height: number;
}) {
  const animate = !useReducedMotion();
  const option = useMemo(() => hostTrendOption(trend, sessionWeek, animate), [trend, sessionWeek, animate]);
  return (
    <div data-testid="host-trend-chart">
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
