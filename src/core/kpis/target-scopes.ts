/**
 * What a target is about: `category` (the whole category the team runs), `subcategory:<id>`,
 * `seller_tier:<tier>` or `seller:<id>`. Each non-category scope is one value of a metric
 * dimension, so a target's actual comes from `queryMetrics` filtered on that dimension.
 */
import { getMetric } from '../metrics/catalog/index.ts';
import type { MetricDefinition } from '../metrics/types.ts';

export const SCOPE_KINDS = ['category', 'subcategory', 'seller_tier', 'seller'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export type TargetScope = { kind: 'category' } | { kind: Exclude<ScopeKind, 'category'>; id: string };

/** Key of a metric × scope in the maps the targets module returns: `${metric}|${scope}`. */
export function targetKey(metric: string, scope: string): string {
  return `${metric}|${scope}`;
}

/** Whether a metric's values add up over time, so a period's target can be pro-rated by days. */
export function isAdditiveMetric(metric: MetricDefinition | string): boolean {
  const definition = typeof metric === 'string' ? getMetric(metric) : metric;
  return definition.type !== 'ratio' && definition.additive;
}

/** Reads `category` or `<kind>:<id>` (kind case-insensitive, id trimmed); null when malformed. */
export function parseScope(text: string): TargetScope | null {
  const value = text.trim();
  if (value.toLowerCase() === 'category') return { kind: 'category' };
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const kind = value.slice(0, colon).trim().toLowerCase();
  const id = value.slice(colon + 1).trim();
  if (!id) return null;
  if (kind === 'subcategory' || kind === 'seller_tier' || kind === 'seller') return { kind, id };
  return null;
}

export function formatScope(scope: TargetScope): string {
  return scope.kind === 'category' ? 'category' : `${scope.kind}:${scope.id}`;
}

