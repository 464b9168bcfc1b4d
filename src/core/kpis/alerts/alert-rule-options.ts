/**
 * What an alert-rule form can offer: the catalog's metrics (and which the anomaly detector can
 * watch), the subcategories and seller tiers that exist, and the choices for comparator, grain and
 * severity — so the form never offers something the server refuses.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { SELLER_TIERS } from '../../sellers/segments/seller-tiers.sql.ts';
import { METRICS } from '../../metrics/catalog/index.ts';
import type { MetricFormat } from '../../metrics/types.ts';
import { isUserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { COMPARATORS, RULE_GRAINS, type Comparator } from './alert-rules.ts';
import { SEVERITIES, type AlertGrain, type Severity } from './alert-types.ts';
import { monitoredMetric } from './monitored-metrics.ts';

export interface AlertRuleOptions {
  metrics: { name: string; label: string; description: string; format: MetricFormat; anomaly: boolean }[];
  subcategories: { id: string; name: string; parentName: string | null }[];
  tiers: string[];
  comparators: readonly Comparator[];
  grains: readonly AlertGrain[];
  severities: readonly Severity[];
  /** The workspace currency, for showing money thresholds. */
  currency: string;
}

function watchable(name: string): boolean {
  try {
    monitoredMetric(name);
    return true;
  } catch (error) {
    if (isUserError(error)) return false;
    throw error;
  }
}

export async function alertRuleOptions(executor: Executor): Promise<AlertRuleOptions> {
  const subcategories = await executor.query<{ id: string; name: string; parent_name: string | null }>(sql`
    SELECT c.id, c.name, p.name AS parent_name FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
    WHERE c.parent_id IS NOT NULL ORDER BY p.name, c.name`);
  const tiers = await executor.query<{ tier: string }>(sql`SELECT DISTINCT tier FROM (${SELLER_TIERS}) t WHERE tier IS NOT NULL ORDER BY tier`);
  const { currency } = await getSettings(executor);
  return {
    metrics: [...METRICS.values()]
      .filter((m) => !m.internal)
      .map((m) => ({ name: m.name, label: m.label, description: m.description, format: m.format, anomaly: watchable(m.name) })),
    subcategories: subcategories.map((s) => ({ id: s.id, name: s.name, parentName: s.parent_name })),
    tiers: tiers.map((t) => t.tier),
    comparators: COMPARATORS,
    grains: RULE_GRAINS,
    severities: SEVERITIES,
    currency,
  };
}
