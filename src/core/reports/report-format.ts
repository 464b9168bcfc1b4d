/**
 * How a report writes a number in words and tables (HTML, PDF, slides, findings). XLSX keeps the
 * raw numbers with number formats instead. One place, so "12.3%" is the same everywhere.
 */
import type { MetricFormat } from '../metrics/types.ts';

export function formatMetric(value: number | null | undefined, format: MetricFormat, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'money':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2 }).format(value);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'duration':
      return value >= 90 ? `${(value / 60).toFixed(1)} min` : `${Math.round(value)} s`;
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}

/** A change ratio: `0.123` → `+12.3%`, `-0.05` → `−5.0%`. */
export function formatChange(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const text = `${Math.abs(ratio * 100).toFixed(1)}%`;
  return ratio >= 0 ? `+${text}` : `−${text}`;
}

/** A share or progress: `0.87` → `87%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100)}%`;
}

export function formatRange(range: { from: string; to: string }): string {
  return `${range.from} to ${range.to}`;
}
