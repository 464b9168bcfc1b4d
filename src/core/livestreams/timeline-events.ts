/**
 * Peaks and drop-offs of a session's viewers-online curve, marked so a reviewer jumps straight to
 * the minutes that matter. One session has at most a few hundred minutes, so this runs on the
 * series the timeline already read.
 *
 * - A peak is a minute with the most viewers within PEAK_RADIUS minutes either side that stands at
 *   least PEAK_RISE above the lowest point on each side of it in that span (so a plateau or a
 *   slow drift is not a peak). The highest MAX_EVENTS are kept.
 * - A drop-off is a minute at least DROP_SHARE below the median of the previous DROP_SPAN minutes
 *   (the level the room held, so the end of a spike is not a drop-off); consecutive such minutes
 *   are one drop-off, reported from the last minute at the level to the lowest point, and a fall
 *   that starts before the previous one bottomed out joins it. The MAX_EVENTS that lost the most
 *   viewers are kept.
 * Minutes without a viewers figure are skipped, never read as 0.
 */
export const PEAK_RADIUS = 10;
export const PEAK_RISE = 0.15;
export const DROP_SPAN = 10;
export const DROP_SHARE = 0.2;
export const MAX_EVENTS = 3;
/** Shorter series say nothing about peaks. */
export const MIN_MINUTES = 10;

export interface TimelineEvent {
  kind: 'peak' | 'drop_off';
  /** The peak's minute, or the minute the drop-off bottomed out. */
  minute: number;
  /** Drop-offs: the last minute at the level the viewers fell from. */
  fromMinute: number;
  viewers: number;
  /** Peak: viewers above the higher of its two sides' lows; drop-off: viewers lost from the level. */
  change: number;
  /** change as a share of that reference. */
  share: number;
  label: string;
}

interface Point {
  minute: number;
  viewers: number;
}

function peaks(points: Point[]): TimelineEvent[] {
  const found: TimelineEvent[] = [];
  points.forEach((p) => {
    const window = points.filter((q) => Math.abs(q.minute - p.minute) <= PEAK_RADIUS);
    if (window.some((q) => q.viewers > p.viewers)) return;
    // Among equal highs in the window, only the first counts.
    if (window.some((q) => q.viewers === p.viewers && q.minute < p.minute)) return;
    const before = window.filter((q) => q.minute < p.minute);
    const after = window.filter((q) => q.minute > p.minute);
    if (before.length === 0 || after.length === 0) return;
    const lowBefore = Math.min(...before.map((q) => q.viewers));
    const lowAfter = Math.min(...after.map((q) => q.viewers));
    const base = Math.max(lowBefore, lowAfter);
    if (p.viewers < base * (1 + PEAK_RISE) || p.viewers - base < 1) return;
    const change = p.viewers - base;
    found.push({ kind: 'peak', minute: p.minute, fromMinute: p.minute, viewers: p.viewers, change, share: base > 0 ? change / base : 1, label: `Peak: ${p.viewers.toLocaleString('en-US')} viewers online` });
  });
  return found.sort((a, b) => b.viewers - a.viewers || a.minute - b.minute).slice(0, MAX_EVENTS);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Fall {
  from: number;
  level: number;
  low: Point;
}

/** A fall that starts before the previous one bottomed out is the same drop-off. */
function pushFall(falls: Fall[], fall: Fall): void {
  const last = falls.at(-1);
  if (last && fall.from <= last.low.minute) {
    last.level = Math.max(last.level, fall.level);
    if (fall.low.viewers < last.low.viewers) last.low = fall.low;
  } else {
    falls.push(fall);
  }
}

function dropOffs(points: Point[]): TimelineEvent[] {
  const falls: Fall[] = [];
  let current: Fall | null = null;
  points.forEach((p, i) => {
    const previous = points.filter((q) => q.minute < p.minute && p.minute - q.minute <= DROP_SPAN);
    const level = previous.length >= 3 ? median(previous.map((q) => q.viewers)) : null;
    const falling = level !== null && level > 0 && p.viewers <= level * (1 - DROP_SHARE);
    if (falling && level !== null) {
      if (!current) {
        // The fall started at the last minute that still stood at the level.
        const start = points.slice(0, i).reverse().find((q) => q.viewers >= level) ?? previous[0] ?? p;
        current = { from: start.minute, level, low: p };
      } else if (p.viewers < current.low.viewers) {
        current.low = p;
      }
    } else if (current) {
      pushFall(falls, current);
      current = null;
    }
  });
  if (current) pushFall(falls, current);
  return falls
    .map(toDropOff)
    .sort((a, b) => b.change - a.change || a.minute - b.minute)
    .slice(0, MAX_EVENTS);
}

function toDropOff(fall: Fall): TimelineEvent {
  const change = fall.level - fall.low.viewers;
  const share = change / fall.level;
  return {
    kind: 'drop_off',
    minute: fall.low.minute,
    fromMinute: fall.from,
    viewers: fall.low.viewers,
    change,
    share,
    label: `Drop-off: ${Math.round(share * 100)}% of viewers left (minute ${fall.from}–${fall.low.minute})`,
  };
}

export function detectTimelineEvents(series: { minute: number; viewers_online: number | null }[]): TimelineEvent[] {
  const points = series
    .filter((m): m is { minute: number; viewers_online: number } => m.viewers_online !== null)
    .map((m) => ({ minute: m.minute, viewers: m.viewers_online }))
    .sort((a, b) => a.minute - b.minute);
  if (points.length < MIN_MINUTES) return [];
  return [...peaks(points), ...dropOffs(points)].sort((a, b) => a.minute - b.minute || a.kind.localeCompare(b.kind));
}
