import { describe, expect, it } from 'vitest';
import type { HostTrend, Timeline } from './livestreams-api';
import { hostTrendOption, timelineChartOption } from './session-chart-options';

const timeline: Timeline = {
  livestreamId: 's1',
  startedAt: '2026-03-02T19:00:00.000Z',
  durationS: 3600,
  minutes: Array.from({ length: 4 }, (_, minute) => ({
    minute,
    viewers_online: minute === 2 ? null : 100 * (minute + 1),
    enters: 5,
    likes: 3,
    comments: 1,
    shares: 0,
    product_clicks: 1,
    orders: minute === 1 ? 2 : 0,
    gmv: minute === 1 ? 40.5 : 0,
  })),
  events: [
    {
      kind: 'peak',
      minute: 1,
      fromMinute: 1,
      viewers: 200,
      change: 100,
      share: 1,
      label: 'Peak: 200 viewers online',
    },
    { kind: 'drop_off', minute: 3, fromMinute: 2, viewers: 50, change: 150, share: 0.75, label: 'Drop-off' },
  ],
  notes: [
    {
      id: 1,
      livestreamId: 's1',
      minute: 3,
      body: '<b>Host left</b>',
      createdBy: 'ana@test.aisle',
      createdAt: '2026-03-03T10:00:00Z',
    },
  ],
};

describe('session charts', () => {
  it('draws every per-minute series with gaps kept, peaks pinned, drop-offs shaded and notes at their minute', () => {
    const option = timelineChartOption(timeline, 'USD', false);
    const series = option.series as {
      name: string;
      data: (number | null)[];
      markPoint?: { data: unknown[] };
      markArea?: { data: unknown[] };
      markLine?: { data: unknown[] };
    }[];
    expect(series.map((s) => s.name)).toEqual([
      'Viewers online',
      'Enters',
      'Likes',
      'Comments',
      'Orders',
      'GMV',
    ]);
    expect(series[0]?.data).toEqual([100, 200, null, 400]);
    expect(series[5]?.data).toEqual([0, 40.5, 0, 0]);
    expect(series[0]?.markPoint?.data).toEqual([
      { name: 'Peak: 200 viewers online', coord: ['1', 200], value: 200 },
    ]);
    expect(series[0]?.markArea?.data).toEqual([[{ name: '−75%', xAxis: '2' }, { xAxis: '3' }]]);
    expect(series[0]?.markLine?.data).toEqual([{ xAxis: '3', name: 'Note' }]);
  });

  it('writes the tooltip of a minute with its values and its note, escaped', () => {
    const option = timelineChartOption(timeline, 'USD', false);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = formatter([{ dataIndex: 3 }]);
    expect(text).toContain('Minute 0:03');
    expect(text).toContain('&lt;b&gt;Host left&lt;/b&gt;');
    expect(formatter([{ dataIndex: 1 }])).toContain('$40.50');
  });

  it("marks the session's own week on the host trend", () => {
    const trend: HostTrend = {
      sellerId: 'k1',
      host: 'Ana',
      weeks: [
        { week: '2026-02-23', sessions: 2, score: 30 },
        { week: '2026-03-02', sessions: 3, score: 55.5 },
      ],
      slope: 25.5,
      direction: 'rising',
    };
    const option = hostTrendOption(trend, '2026-03-02', false);
    const [line] = option.series as {
      data: (number | null)[];
      markPoint?: { data: { coord: unknown[] }[] };
    }[];
    expect(line?.data).toEqual([30, 55.5]);
    expect(line?.markPoint?.data[0]?.coord).toEqual([1, 55.5]);
    expect(hostTrendOption(trend, '2025-01-06', false).series).toMatchObject([{ markPoint: undefined }]);
  });
});
