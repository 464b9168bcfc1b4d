// echarts options of the seller page, as pure functions of the server's numbers: the daily GMV
// next to the subcategory's median seller, and the livestream calendar (sessions per day).
import type { EChartsCoreOption } from 'echarts/core';
import { chartColors, FONT_STACK } from '../../ui/tokens';
import { formatDate, formatMoney, formatMoneyCompact, formatShortDate } from '../../ui/format';
import type { SellerPerformance } from './sellers-api';

const text = { fontFamily: FONT_STACK, color: chartColors.axisText, fontSize: 11 };

export function sellerTrendOption(
  performance: Pick<SellerPerformance, 'trend' | 'currency' | 'subcategory'>,
  animate: boolean,
): EChartsCoreOption {
  const { points } = performance.trend;
  const currency = performance.currency;
  const medianName = performance.subcategory
    ? `Median ${performance.subcategory.name} seller`
    : 'Median seller';
  return {
    animation: animate,
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { ...text, color: chartColors.legendText },
    },
    tooltip: {
      trigger: 'axis',
      textStyle: { fontFamily: FONT_STACK, fontSize: 12 },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatMoney(value, currency) : '—'),
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.date),
      axisLabel: { ...text, formatter: (value: string) => formatShortDate(value) },
      axisLine: { lineStyle: { color: chartColors.axisLine } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...text, formatter: (value: number) => formatMoneyCompact(value, currency) },
      splitLine: { lineStyle: { color: chartColors.gridLine } },
    },
    series: [
      {
        name: 'This seller',
        type: 'line',
        data: points.map((p) => p.gmv),
        showSymbol: false,
        lineStyle: { width: 2, color: chartColors.gmv },
        itemStyle: { color: chartColors.gmv },
        areaStyle: { color: 'rgba(92, 124, 250, 0.08)' },
      },
      {
        name: medianName,
        type: 'line',
        data: points.map((p) => p.median),
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: '#868e96' },
        itemStyle: { color: '#868e96' },
      },
    ],
  };
}

export function liveCalendarOption(
  calendar: SellerPerformance['calendar'],
  currency: string,
  cellSize: number,
): EChartsCoreOption {
  const max = Math.max(1, ...calendar.days.map((d) => d.sessions));
  const byDate = new Map(calendar.days.map((d) => [d.date, d]));
  return {
    animation: false,
    tooltip: {
      textStyle: { fontFamily: FONT_STACK, fontSize: 12 },
      formatter: (params: { value: [string, number] }) => {
        const day = byDate.get(params.value[0]);
        const sessions = day?.sessions ?? 0;
        return `${formatDate(params.value[0])}<br/>${sessions} session${sessions === 1 ? '' : 's'}${day ? ` · ${formatMoney(day.liveGmv, currency)} live GMV` : ''}`;
      },
    },
    visualMap: {
      show: false,
      min: 0,
      max,
      inRange: { color: ['#edf2ff', '#91a7ff', '#3b5bdb'] },
    },
    calendar: {
      range: [calendar.range.from, calendar.range.to],
      cellSize: [cellSize, cellSize],
      top: 24,
      left: 28,
      right: 4,
      orient: 'horizontal',
      splitLine: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2, color: '#f8f9fa' },
      dayLabel: { ...text, firstDay: 1, nameMap: ['S', 'M', 'T', 'W', 'T', 'F', 'S'], fontSize: 9 },
      monthLabel: { ...text, nameMap: 'EN' },
      yearLabel: { show: false },
    },
    series: [
      { type: 'heatmap', coordinateSystem: 'calendar', data: calendar.days.map((d) => [d.date, d.sessions]) },
    ],
  };
}
