/**
 * What a targets form can offer: the catalog's metrics (with format and whether they pro-rate),
 * the subcategories and seller tiers that exist, and the period to open on — the month of the
 * latest day with data (exports arrive late, and a demo or an archive may end in the past), else
 * the current month in the workspace time zone.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { SELLER_TIERS } from '../sellers/segments/seller-tiers.sql.ts';
import { todayIn } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { METRICS } from '../metrics/catalog/index.ts';
import type { MetricFormat } from '../metrics/types.ts';
import { isoWeekOf, monthOf } from './target-periods.ts';
import { isAdditiveMetric } from './target-scopes.ts';

export interface TargetOptions {
  metrics: { name: string; label: string; description: string; format: MetricFormat; additive: boolean; bounded: boolean }[];
  subcategories: { id: string; name: string; parentName: string | null }[];
  tiers: string[];
  latestDay: string | null;
  defaultMonth: string;
  defaultWeek: string;
}

export async function targetOptions(executor: Executor): Promise<TargetOptions> {
  const [subcategories, tiers, latest, settings] = await Promise.all([
    executor.query<{ id: string; name: string; parent_name: string | null }>(sql`
      SELECT c.id, c.name, p.name AS parent_name FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
      WHERE c.parent_id IS NOT NULL ORDER BY p.name, c.name`),
    executor.query<{ tier: string }>(sql`SELECT DISTINCT tier FROM (${SELLER_TIERS}) t WHERE tier IS NOT NULL ORDER BY tier`),
    executor.query<{ day: string | null }>(sql`
      SELECT max(day) AS day FROM (SELECT max(date) AS day FROM seller_days UNION ALL SELECT max(start_date) FROM livestreams) AS latest`),
    getSettings(executor),
  ]);
  const latestDay = latest[0]?.day ?? null;
  const anchor = latestDay ?? todayIn(settings.timezone);
  return {
    metrics: [...METRICS.values()].map((m) => ({ name: m.name, label: m.label, description: m.description, format: m.format, additive: isAdditiveMetric(m), bounded: m.bounded === true })),
    subcategories: subcategories.map((s) => ({ id: s.id, name: s.name, parentName: s.parent_name })),
    tiers: tiers.map((t) => t.tier),
    latestDay,
    defaultMonth: monthOf(anchor),
    defaultWeek: isoWeekOf(anchor),
  };
}
