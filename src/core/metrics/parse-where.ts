/** Parses `DIM=VALUE` filters (CLI `--where`, API `where=`) into grouped metric filters. */
import { UserError } from '../shared/errors.ts';
import type { MetricFilter } from './metric-request.ts';

export function parseWhere(items: readonly string[]): MetricFilter[] {
  const grouped = new Map<string, string[]>();
  for (const item of items) {
    const at = item.indexOf('=');
    const dimension = at > 0 ? item.slice(0, at).trim() : '';
    const value = at > 0 ? item.slice(at + 1).trim() : '';
    if (!dimension || !value) {
      throw new UserError(`filter "${item}" must look like DIM=VALUE`, { hint: 'e.g. --where category=home_living' });
    }
    grouped.set(dimension, [...(grouped.get(dimension) ?? []), value]);
  }
  return [...grouped].map(([dimension, values]) => ({ dimension, values }));
}
