import { describe, expect, it } from 'vitest';
import { detectTimelineEvents } from './timeline-events.ts';

/** A 60-minute curve: ramp to 1,000 by minute 10, a spike to 1,500 at 25, a fall to 600 over minutes 40–43. */
function curve(): { minute: number; viewers_online: number | null }[] {
  return Array.from({ length: 60 }, (_, minute) => {
    let viewers = minute < 10 ? 100 + 100 * minute : 1000;
    if (minute === 25) viewers = 1500;
    if (minute === 24 || minute === 26) viewers = 1200;
    if (minute >= 41) viewers = [850, 700][minute - 41] ?? 600;
    return { minute, viewers_online: viewers };
  });
}

describe('peaks and drop-offs on the viewers curve', () => {
  it('marks the spike as a peak and the fall as one drop-off from its high to its low', () => {
    const events = detectTimelineEvents(curve());
    expect(events).toEqual([
      { kind: 'peak', minute: 25, fromMinute: 25, viewers: 1500, change: 500, share: 0.5, label: 'Peak: 1,500 viewers online' },
      { kind: 'drop_off', minute: 43, fromMinute: 40, viewers: 600, change: 400, share: 0.4, label: 'Drop-off: 40% of viewers left (minute 40–43)' },
    ]);
  });

  it('does not call a ramp, a plateau or a slow drift a peak or a drop-off', () => {
    const drift = Array.from({ length: 90 }, (_, minute) => ({ minute, viewers_online: Math.round(1000 - 3 * minute) }));
    expect(detectTimelineEvents(drift)).toEqual([]);
    const flat = Array.from({ length: 30 }, (_, minute) => ({ minute, viewers_online: 500 }));
    expect(detectTimelineEvents(flat)).toEqual([]);
  });

  it('skips minutes without a viewers figure instead of reading them as a fall to 0', () => {
    const gappy = curve().map((m) => (m.minute >= 30 && m.minute < 35 ? { ...m, viewers_online: null } : m));
    expect(detectTimelineEvents(gappy).map((e) => e.kind)).toEqual(['peak', 'drop_off']);
  });

  it('joins a fall that starts before the previous one bottomed out into one drop-off', () => {
    // 1,000 until minute 29, 700 at 30, a bounce to 900 at 31, then down to 500 from 33 on.
    const steps = [700, 900, 600];
    const series = Array.from({ length: 60 }, (_, minute) => ({
      minute,
      viewers_online: minute < 30 ? 1000 : (steps[minute - 30] ?? 500),
    }));
    const drops = detectTimelineEvents(series).filter((e) => e.kind === 'drop_off');
    expect(drops.map((d) => [d.fromMinute, d.minute, d.viewers, d.share])).toEqual([[29, 33, 500, 0.5]]);
  });

  it('keeps the three largest of each and says nothing about very short series', () => {
    const spiky = Array.from({ length: 200 }, (_, minute) => ({ minute, viewers_online: minute % 25 === 12 ? 400 + minute : 300 }));
    const peaks = detectTimelineEvents(spiky).filter((e) => e.kind === 'peak');
    expect(peaks.map((p) => p.minute)).toEqual([137, 162, 187]);
    expect(detectTimelineEvents(curve().slice(0, 9))).toEqual([]);
  });
});
