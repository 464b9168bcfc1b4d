// How the Livestreams pages word a session's numbers: percentiles as "p72", ratings as badges with
// their colours, peer scores with their band, durations and start times. Formatting only — every
// number arrives computed by the server.
import { formatDuration, formatValue, MISSING, type ValueFormat } from '../../ui/format';
import type { Rating } from './livestreams-api';

export const RATING_LABELS: Record<Rating, string> = { good: 'Good', warning: 'Warning', bad: 'Bad' };
export const RATING_COLORS: Record<Rating, string> = { good: 'teal', warning: 'yellow', bad: 'red' };

/** `0.724` → `p72`; null → `—`. */
export function formatPercentile(percentile: number | null): string {
  return percentile === null ? MISSING : `p${Math.round(percentile * 100)}`;
}

/** `0.724` → `72nd percentile`. */
export function percentileWords(percentile: number): string {
  const n = Math.round(percentile * 100);
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix} percentile`;
}

export function formatScore(score: number | null): string {
  return score === null ? MISSING : score.toFixed(0);
}

export type ScoreBandColor = 'teal' | 'indigo' | 'yellow' | 'red' | 'gray';

export function scoreColor(score: number | null): ScoreBandColor {
  if (score === null) return 'gray';
  if (score >= 75) return 'teal';
  if (score >= 50) return 'indigo';
  if (score >= 25) return 'yellow';
  return 'red';
}

export function formatFigure(value: number | null, format: ValueFormat, currency: string): string {
  return formatValue(value, format, currency);
}

export function formatSessionDuration(seconds: number | null): string {
  return seconds === null ? MISSING : formatDuration(seconds);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The server's local start `2026-11-23 20:15` (workspace time zone) → `Nov 23, 20:15`. */
export function formatStart(startedLocal: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(startedLocal);
  if (!match) return startedLocal;
  return `${MONTHS[Number(match[2]) - 1] ?? match[2]} ${Number(match[3])}, ${match[4]}`;
}

/** Minute 83 → `1:23` (hours:minutes into the session). */
export function formatMinute(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}
