import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts/charts';
import type { ObservedMinute } from './observed-api';
import { OBSERVED_SERIES, observedChartOption } from './observed-chart-option';

const minute = (m: number, over: Partial<ObservedMinute> = {}): ObservedMinute => ({
  minute: m,
  viewersOnline: 100 + m,
  enters: 1,
  comments: 2,
  questions: 1,
  intentComments: 0,
  likes: 10,
  gifts: 0,
  diamonds: 0,
  follows: 0,
  shares: 0,
  productEvents: 0,
  ...over,
});

describe('the observed timeline chart', () => {
  it('draws one series per observed figure and marks the minutes with product events', () => {
    const minutes = [
      minute(0, { productEvents: 2 }),
      minute(1, { viewersOnline: null }),
      minute(2, { productEvents: 1, gifts: 5 }),
    ];
    const option = observedChartOption(minutes, false);
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(OBSERVED_SERIES.map((s) => s.name));
    expect(series[0]?.data).toEqual([100, null, 102]);
    expect(series.find((s) => s.name === 'Gifts')?.data).toEqual([0, 0, 5]);
    expect(series[0]?.markLine?.data).toEqual([
      { xAxis: '0', name: 'Product shown' },
      { xAxis: '2', name: 'Product shown' },
    ]);
    expect(series.find((s) => s.name === 'Likes (sampled)')?.yAxisIndex).toBe(2);
  });
});
