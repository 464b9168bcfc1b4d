/**
 * The metric catalog: every metric and dimension, each name unique, looked up with errors that
 * list the valid names. Derived metrics are checked for unknown references and cycles at load.
 */
import { UserError } from '../../shared/errors.ts';
import type { DimensionDefinition, MetricDefinition } from '../types.ts';
import { dimensions } from './dimensions.ts';
import { livestreamMetrics } from './livestream-metrics.ts';
import { orderMetrics } from './order-metrics.ts';

function indexByName<T extends { name: string }>(items: T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.name)) throw new Error(`duplicate ${what} name in the catalog: ${item.name}`);
    map.set(item.name, item);
  }
  return map;
}

export const METRICS = indexByName([...orderMetrics, ...livestreamMetrics], 'metric');
export const DIMENSIONS = indexByName(dimensions, 'dimension');

export function getMetric(name: string): MetricDefinition {
  const metric = METRICS.get(name);
  if (!metric) {
    throw new UserError(`unknown metric "${name}"`, {
      hint: `valid metrics: ${[...METRICS.keys()].join(', ')}`,
      details: { metric: name },
    });
  }
  return metric;
}

export function getDimension(name: string): DimensionDefinition {
  const dimension = DIMENSIONS.get(name);
  if (!dimension) {
    throw new UserError(`unknown dimension "${name}"`, {
      hint: `valid dimensions: ${[...DIMENSIONS.keys()].join(', ')}`,
      details: { dimension: name },
    });
  }
  return dimension;
}

/** Base metrics a metric depends on (itself if it is a base metric), with cycle detection. */
export function baseMetricsOf(name: string, trail: string[] = []): string[] {
  if (trail.includes(name)) throw new Error(`metric cycle: ${[...trail, name].join(' → ')}`);
  const metric = getMetric(name);
  const next = [...trail, name];
  if (metric.type === 'combined') return [...new Set(metric.parts.flatMap((part) => baseMetricsOf(part, next)))];
  if (metric.type !== 'ratio') return [name];
  return [...new Set([...baseMetricsOf(metric.numerator, next), ...baseMetricsOf(metric.denominator, next)])];
}

// Validate every derived metric once at load so a broken catalog fails fast in every test.
for (const name of METRICS.keys()) baseMetricsOf(name);
