/**
 * The request shape shared by `aisle query`, `/api/metrics`, pages and reports, and its
 * validation: names must be in the catalog, dates must be real dates with from ≤ to.
 */
import { GRAINS, type Grain } from '../db/dialect/index.ts';
import { UserError } from '../shared/errors.ts';
import { isIsoDate } from '../shared/dates.ts';
import { getDimension, getMetric } from './catalog/index.ts';

export interface MetricFilter {
  dimension: string;
  values: string[];
}

export interface MetricRequest {
  metrics: string[];
  by?: string[];
  grain?: Grain | null;
  from: string;
  to: string;
  where?: MetricFilter[];
}

export interface NormalizedRequest {
  metrics: string[];
  by: string[];
  grain: Grain | null;
  from: string;
  to: string;
  where: MetricFilter[];
}

export function normalizeRequest(input: MetricRequest): NormalizedRequest {
  const metrics = [...new Set(input.metrics)];
  if (metrics.length === 0) throw new UserError('no metrics requested', { hint: 'name at least one metric, e.g. gmv' });
  metrics.forEach(getMetric);
  let by = [...new Set(input.by ?? [])];
  by.forEach(getDimension);
  const grain = input.grain ?? (by.includes('period') ? 'day' : null);
  if (grain !== null && !GRAINS.includes(grain)) {
    throw new UserError(`unknown grain "${String(grain)}"`, { hint: `valid grains: ${GRAINS.join(', ')}` });
  }
  if (grain && !by.includes('period')) by = ['period', ...by];
  for (const [name, value] of [['from', input.from], ['to', input.to]] as const) {
    if (!isIsoDate(value)) throw new UserError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (input.from > input.to) throw new UserError(`--from ${input.from} is after --to ${input.to}`);
  const where = (input.where ?? []).map((filter) => {
    getDimension(filter.dimension);
    if (filter.values.length === 0) throw new UserError(`filter on ${filter.dimension} has no values`);
    return { dimension: filter.dimension, values: [...new Set(filter.values)] };
  });
  return { metrics, by, grain, from: input.from, to: input.to, where };
}
