import { describe, expect, it } from 'vitest';
import type { TrendPoint } from './overview-api';
import { trendChartOption, trendTooltip } from './trend-chart-option';

const trend: TrendPoint[] = [
  { date: '2026-11-20', gmv: 1000, liveGmv: 400, liveGmvShare: 0.4, comparisonGmv: 900 },
  { date: '2026-11-21', gmv: null, liveGmv: null, liveGmvShare: null, comparisonGmv: null },
  { date: '2026-11-22', gmv: 1200, liveGmv: 300, liveGmvShare: 0.25, comparisonGmv: null },
];

function seriesData(option: ReturnType<typeof trendChartOption>): unknown[][] {
  const series = Array.isArray(option.series) ? option.series : [];
  return series.map((s) => (s as { data: unknown[] }).data);
}

describe('trendChartOption', () => {
  it('keeps days without data as gaps, not zeros, in every series', () => {
    const option = trendChartOption({
      trend,
      currency: 'USD',
      current: null,
      comparisonName: 'previous period',
      animate: false,
    });
    expect(seriesData(option)).toEqual([
      [1000, null, 1200],
      [400, null, 300],
      [0.4, null, 0.25],
      [900, null, null],
    ]);
  });

  it('leaves the comparison line out against targets', () => {
    const option = trendChartOption({
      trend,
      currency: 'USD',
      current: null,
      comparisonName: null,
      animate: false,
    });
    expect(seriesData(option)).toHaveLength(3);
  });

  it('shades the chosen period only when the trend starts before it', () => {
    const shaded = trendChartOption({
      trend,
      currency: 'USD',
      current: { from: '2026-11-21', to: '2026-11-22' },
      comparisonName: null,
      animate: false,
    });
    const whole = trendChartOption({
      trend,
      currency: 'USD',
      current: { from: '2026-11-20', to: '2026-11-22' },
      comparisonName: null,
      animate: false,
    });
    const area = (option: ReturnType<typeof trendChartOption>) =>
      (Array.isArray(option.series) ? (option.series[0] as { markArea?: { data: unknown } }) : undefined)
        ?.markArea;
    expect(area(shaded)?.data).toEqual([[{ name: 'Period', xAxis: '21 Nov' }, { xAxis: '22 Nov' }]]);
    expect(area(whole)).toBeUndefined();
  });
});

describe('trendTooltip', () => {
  it('names every value of the day, with a dash where there is none', () => {
    const text = trendTooltip(trend[2]!, 'USD', 'previous period')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(text).toBe(
      '22 Nov 2026 GMV $1,200.00 Live GMV $300.00 Live GMV share 25.0% GMV, previous period —',
    );
  });
});
