// The Best practices tab's choices in the URL (`practiceSub`, `rankBy`, `weeks`, next to the
// Livestreams page's own `tab`), and the formatting of a finding's values.
import { formatValue as formatPlain, MISSING } from '../../../ui/format';
import type { FindingFormat, Outcome, Size, Strength } from './best-practices-api';

/** A date `days` after `date` (`YYYY-MM-DD`, calendar arithmetic in UTC). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const WEEK_CHOICES = [4, 8, 12] as const;
export const DEFAULT_WEEKS = 8;

export interface PracticesView {
  /** '' = every subcategory. */
  subcategory: string;
  outcome: Outcome;
  weeks: number;
}

export function readPracticesView(params: URLSearchParams): PracticesView {
  const weeks = Number(params.get('weeks'));
  return {
    subcategory: params.get('practiceSub') ?? '',
    outcome: params.get('rankBy') === 'gmv_per_live_hour' ? 'gmv_per_live_hour' : 'gpm',
    weeks: (WEEK_CHOICES as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS,
  };
}

/** Writes the view into `params`, leaving every other parameter (the page's tab) as it was. */
export function writePracticesView(params: URLSearchParams, view: PracticesView): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
  set('practiceSub', view.subcategory || null);
  set('rankBy', view.outcome === 'gpm' ? null : view.outcome);
  set('weeks', view.weeks === DEFAULT_WEEKS ? null : String(view.weeks));
  return next;
}

/**
 * The API request: the default 8 weeks are the server's own default (ending on the latest day with
 * data); other lengths need that day, known from a first answer (`asOf`).
 */
export function practicesQuery(view: PracticesView, asOf: string | null): string {
  const params = new URLSearchParams();
  if (view.subcategory) params.set('subcategory', view.subcategory);
  if (view.outcome !== 'gpm') params.set('outcome', view.outcome);
  if (view.weeks !== DEFAULT_WEEKS && asOf) {
    params.set('from', addDays(asOf, -(view.weeks * 7 - 1)));
    params.set('to', asOf);
  }
  return params.toString();
}

export function formatFindingValue(value: number | null, format: FindingFormat, currency: string): string {
  if (value === null) return MISSING;
  if (format === 'hours') return value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`;
  if (format === 'score') return `${value.toFixed(1)} / 5`;
  if (format === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
  return formatPlain(value, format, currency);
}

/** `0.74` → `74%`. */
export const formatShare = (share: number) => `${Math.round(share * 100)}%`;

/** `0.5` → `+50%`; null → `—`. */
export function formatRelative(change: number | null): string {
  if (change === null) return MISSING;
  const pct = Math.round(change * 100);
  return pct >= 0 ? `+${pct}%` : `−${Math.abs(pct)}%`;
}

/** `0.31` → `+31 pts`. */
export function formatPoints(difference: number): string {
  const points = Math.round(difference * 100);
  return `${points >= 0 ? '+' : '−'}${Math.abs(points)} pts`;
}

const SIZE_LABEL: Record<Size, string> = { large: 'Large', medium: 'Medium', small: 'Small', negligible: 'Negligible' };
const SIZE_COLOR: Record<Size, string> = { large: 'teal', medium: 'blue', small: 'indigo', negligible: 'gray' };

/**
 * One badge for a finding: its size when the evidence is at least moderate, else "Uncertain" — a
 * large gap on a handful of sessions is not a finding yet.
 */
export function verdict(size: Size, strength: Strength): { label: string; color: string; variant: 'light' | 'outline' } {
  if (strength === 'weak') return { label: 'Uncertain', color: 'gray', variant: 'outline' };
  return { label: SIZE_LABEL[size], color: SIZE_COLOR[size], variant: 'light' };
}

export function verdictTooltip(size: Size, strength: Strength, z: number): string {
  return `${SIZE_LABEL[size]} difference, ${strength} evidence (z = ${z.toFixed(1)}; strong from 2.5, moderate from 1.5)`;
}
