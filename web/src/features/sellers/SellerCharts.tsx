// The seller page's charts, loaded on demand (echarts arrives after the numbers are on screen).
import { useMemo } from 'react';
import { useElementSize, useReducedMotion } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from './seller-echarts';
import { liveCalendarOption, sellerTrendOption } from './seller-chart-options';
import type { SellerPerformance } from './sellers-api';

export function SellerTrendChart({
  performance,
  height,
}: {
  performance: SellerPerformance;
  height: number;
}) {
  const animate = !useReducedMotion();
  const option = useMemo(() => sellerTrendOption(performance, animate), [performance, animate]);
  return (
    <div data-testid="seller-trend-chart">
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

export function LiveCalendarChart({ performance }: { performance: SellerPerformance }) {
  const { ref, width } = useElementSize();
  // 26 weeks across the available width, between 10 and 22 px a day.
  const cell = Math.max(10, Math.min(22, Math.floor((width - 40) / 27)));
  const option = useMemo(
    () => liveCalendarOption(performance.calendar, performance.currency, cell),
    [performance, cell],
  );
  return (
    <div ref={ref} data-testid="live-calendar">
      {width > 0 ? (
        <EChartsReactCore
          echarts={echarts}
          option={option}
          notMerge
          opts={{ renderer: 'svg' }}
          style={{ height: cell * 7 + 40, width: '100%' }}
        />
      ) : null}
    </div>
  );
}
