/**
 * Period-over-period comparison of one value: absolute and relative change. The relative change is
 * null when there is nothing to compare with (previous missing or zero) rather than ±Infinity.
 */
import type { MetricFormat } from '../metrics/types.ts';

export interface Comparison {
  value: number | null;
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
}

function roundFor(format: MetricFormat, value: number): number {
  const digits = format === 'money' ? 2 : format === 'count' ? 0 : 6;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function compareValues(value: number | null, previous: number | null, format: MetricFormat): Comparison {
  if (value === null || previous === null) return { value, previous, change: null, changeRatio: null };
  const change = roundFor(format, value - previous);
  const changeRatio = previous === 0 ? null : Math.round(((value - previous) / Math.abs(previous)) * 1e6) / 1e6;
  return { value, previous, change, changeRatio };
}
