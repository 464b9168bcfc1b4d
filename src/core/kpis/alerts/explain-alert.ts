/**
 * The explanation stored with an alert: the change against its baseline, its split over
 * subcategories and top sellers (which add up to the change), related movements (a rate's numerator
 * and denominator; a seller's orders), and one sentence a category manager can read aloud —
 * "Kitchen: GMV −18% vs the usual Tuesday; 72% of the drop comes from 3 sellers: A, B, C".
 */
import type { MetricFormat } from '../../metrics/types.ts';
import type { AlertExplanation, Contribution, Movement } from './alert-types.ts';
import type { DriverRow } from './drivers.sql.ts';

export interface ExplainInput {
  label: string;
  format: MetricFormat;
  currency: string;
  /** "Home Decor" — null for the whole category (the sentence then starts with the metric). */
  scopeLabel: string | null;
  /** Whether subcategories are worth listing (not inside one subcategory or for one seller). */
  splitBySubcategory: boolean;
  observed: number;
  expected: number;
  /** First clause of the sentence; default "GMV −18% vs <comparedWith>". */
  headline?: string;
  /** "the usual Tuesday", "the usual week", "the week before". */
  comparedWith: string;
  basis: string;
  observedDays: readonly string[];
  baselineDays: readonly string[];
  campaignDaysLeftOut: { date: string; label: string }[];
  drivers: DriverRow[];
  movements: Movement[];
  note?: string;
}

const MINUS = '\u2212';
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function signedPercent(ratio: number): string {
  const value = Math.round(ratio * 100);
  return value > 0 ? `+${value}%` : value < 0 ? `${MINUS}${Math.abs(value)}%` : '±0%';
}

/** "−18%" for amounts, "−4.3 pts" for rates (a change of a rate is in points, not percent). */
export function changePhrase(observed: number, baseline: number, format: MetricFormat): string {
  if (format === 'rate') {
    const points = Math.round((observed - baseline) * 1000) / 10;
    return `${points > 0 ? '+' : points < 0 ? MINUS : '±'}${Math.abs(points).toFixed(1)} pts`;
  }
  return baseline === 0 ? 'new' : signedPercent((observed - baseline) / Math.abs(baseline));
}

/** A metric value for a sentence: money without cents, rates as percentages. */
export function formatMetricValue(value: number, format: MetricFormat, currency: string): string {
  switch (format) {
    case 'money':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value).replace('-', MINUS);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
    case 'number':
      return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value).replace('-', MINUS);
    case 'duration':
      return `${Math.round(value / 60)} min`;
    default: {
      const unknown: never = format;
      return String(unknown);
    }
  }
}

function dayRange(days: readonly string[]): { from: string; to: string; count: number } | null {
  const sorted = [...days].sort();
  const from = sorted[0];
  const to = sorted.at(-1);
  return from && to ? { from, to, count: sorted.length } : null;
}

function contributionOf(row: DriverRow, change: number, withSubcategory: boolean): Contribution {
  const contribution = round(row.observed - row.baseline);
  return {
    key: row.key ?? '',
    name: row.name ?? (row.kind === 'subcategory' ? 'No subcategory' : row.key ?? ''),
    ...(withSubcategory ? { subcategory: row.subcategory_id ? { id: row.subcategory_id, name: row.subcategory_name ?? row.subcategory_id } : null } : {}),
    observed: round(row.observed),
    baseline: round(row.baseline),
    contribution,
    shareOfChange: change === 0 ? null : round(contribution / change, 4),
  };
}

function percentOf(share: number): string {
  return share >= 0.995 ? 'all' : `${Math.round(share * 100)}%`;
}

/** "72% of the drop comes from 3 sellers in Kitchen: A, B, C", or else the subcategory that carries it. */
export function driverClause(change: number, sellers: Contribution[], subcategories: Contribution[], splitBySubcategory: boolean): string | null {
  if (change === 0) return null;
  const what = change < 0 ? 'drop' : 'rise';
  const moving = sellers.filter((s) => (s.shareOfChange ?? 0) > 0);
  // Up to three sellers that each carry a real part (≥ 10%) of the change, named if together they carry half.
  const picked = moving.slice(0, 3).filter((s, i) => i === 0 || (s.shareOfChange ?? 0) >= 0.1);
  const share = picked.reduce((sum, s) => sum + (s.shareOfChange ?? 0), 0);
  if (share >= 0.5 && picked.length > 0) {
    const subs = new Set(picked.map((s) => s.subcategory?.name ?? null));
    const [onlySub] = [...subs];
    const sameSub = subs.size === 1 && onlySub && splitBySubcategory ? ` in ${onlySub}` : '';
    const names = picked.map((s) => (splitBySubcategory && !sameSub && s.subcategory ? `${s.name} (${s.subcategory.name})` : s.name));
    const who = picked.length === 1 ? `${names[0]}${sameSub ? ` (${onlySub})` : ''}` : `${picked.length} sellers${sameSub}: ${names.join(', ')}`;
    return `${percentOf(share)} of the ${what} comes from ${who}`;
  }
  if (!splitBySubcategory) {
    const top = moving[0];
    return top ? `spread over many sellers; the largest part, ${top.name}, is ${percentOf(top.shareOfChange ?? 0)}` : null;
  }
  const top = subcategories.find((s) => (s.shareOfChange ?? 0) > 0);
  if (!top) return null;
  if ((top.shareOfChange ?? 0) >= 0.5) return `${top.name} accounts for ${percentOf(top.shareOfChange ?? 0)} of the ${what}`;
  return `spread across subcategories; the largest part, ${top.name}, is ${percentOf(top.shareOfChange ?? 0)}`;
}

/** "Orders" → "orders" inside a sentence, but "GMV" stays "GMV" and "Live GMV" becomes "live GMV". */
function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second && second === second.toLowerCase() ? `${first.toLowerCase()}${label.slice(1)}` : label;
}

function movementClause(movements: Movement[]): string | null {
  const parts = movements.filter((m) => m.changeRatio !== null).map((m) => `${inSentence(m.label)} ${signedPercent(m.changeRatio ?? 0)}`);
  return parts.length ? parts.join(', ') : null;
}

export function buildExplanation(input: ExplainInput): AlertExplanation {
  const change = round(input.observed - input.expected);
  const changeRatio = input.expected === 0 ? null : round((input.observed - input.expected) / Math.abs(input.expected), 4);
  const subcategories = input.drivers
    .filter((row) => row.kind === 'subcategory')
    .map((row) => contributionOf(row, change, false))
    .sort((a, b) => (change < 0 ? a.contribution - b.contribution : b.contribution - a.contribution));
  const sellers = input.drivers.filter((row) => row.kind === 'seller').map((row) => contributionOf(row, change, true));
  const listed = sellers.reduce((sum, s) => sum + s.contribution, 0);
  const prefix = input.scopeLabel ? `${input.scopeLabel}: ` : '';
  const headline =
    input.headline ??
    (input.format === 'rate'
      ? `${prefix}${input.label} ${formatMetricValue(input.observed, 'rate', input.currency)}, ${changePhrase(input.observed, input.expected, 'rate')} vs ${input.comparedWith} (${formatMetricValue(input.expected, 'rate', input.currency)})`
      : `${prefix}${input.label} ${changePhrase(input.observed, input.expected, input.format)} vs ${input.comparedWith}`);
  const drivers = input.drivers.length ? driverClause(change, sellers, subcategories, input.splitBySubcategory) : null;
  const clauses = [headline, drivers, movementClause(input.movements)].filter((c): c is string => Boolean(c));
  return {
    sentence: `${clauses.join('; ').replace(/\.+$/, '')}.`,
    basis: input.basis,
    observedDays: dayRange(input.observedDays) ?? { from: '', to: '', count: 0 },
    baselineDays: dayRange(input.baselineDays),
    change,
    changeRatio,
    subcategories: input.splitBySubcategory ? subcategories : [],
    sellers,
    otherSellers: sellers.length ? round(change - listed) : null,
    movements: input.movements,
    campaignDaysLeftOut: input.campaignDaysLeftOut,
    ...(input.note ? { note: input.note } : {}),
  };
}
