/**
 * Values as they read in a finding's sentence ("median 2.4 h vs 1.6 h", "CTR 3.1% vs 2.2%"). The
 * pages format the raw numbers themselves; these words are for the sentence and the CLI.
 */
import type { NumericFeature } from './practice-features.ts';

export type ValueFormat = NumericFeature['format'];

export function formatValue(value: number | null, format: ValueFormat, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'money':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: value >= 100 ? 0 : 2 }).format(value);
    case 'rate':
      return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%`;
    case 'duration':
      return value >= 90 ? `${(value / 60).toFixed(1)} min` : `${Math.round(value)} s`;
    case 'hours':
      return value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`;
    case 'score':
      return `${value.toFixed(1)} / 5`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
  }
}

/** `0.5` → `+50%`, `-0.123` → `−12%`. */
export function formatChange(change: number): string {
  const pct = Math.round(change * 100);
  return pct >= 0 ? `+${pct}%` : `−${Math.abs(pct)}%`;
}

/** `0.31` → `31%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
