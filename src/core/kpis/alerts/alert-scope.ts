/**
 * Alert scopes as stored: 'category' (the whole category), 'subcategory:<id>', 'seller_tier:<tier>'
 * or 'seller:<id>' — the same spelling as KPI targets. This module parses them, turns them into the
 * metric request filter that selects their rows, and names them for people.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import type { MetricFilter } from '../../metrics/metric-request.ts';

export type ScopeKind = 'category' | 'subcategory' | 'seller_tier' | 'seller';

export interface Scope {
  kind: ScopeKind;
  /** The subcategory id, tier or seller id; null for the whole category. */
  id: string | null;
}

const PATTERN = /^(subcategory|seller_tier|seller):(.+)$/;

export function parseScope(text: string): Scope {
  const value = text.trim();
  if (value === 'category') return { kind: 'category', id: null };
  const match = PATTERN.exec(value);
  if (!match?.[1] || !match[2]?.trim()) {
    throw new UserError(`unknown scope "${text}"`, {
      hint: "use 'category', 'subcategory:<id>', 'seller_tier:<tier>' or 'seller:<id>'",
      details: { field: 'scope', value: text },
    });
  }
  return { kind: match[1] as ScopeKind, id: match[2].trim() };
}

export function formatScope(scope: Scope): string {
  return scope.kind === 'category' || scope.id === null ? 'category' : `${scope.kind}:${scope.id}`;
}

/** The metric request filter for a scope (none for the whole category). */
export function scopeFilter(scope: Scope): MetricFilter[] {
  return scope.kind === 'category' || scope.id === null ? [] : [{ dimension: scope.kind, values: [scope.id] }];
}

/** Refuses a scope naming a subcategory, tier or seller the workspace does not have. */
export async function checkScopeExists(executor: Executor, scope: Scope): Promise<void> {
  if (scope.kind === 'category' || scope.id === null) return;
  const query =
    scope.kind === 'subcategory'
      ? sql`SELECT 1 AS ok FROM categories WHERE id = ${scope.id} AND parent_id IS NOT NULL`
      : scope.kind === 'seller'
        ? sql`SELECT 1 AS ok FROM sellers WHERE id = ${scope.id}`
        : sql`SELECT 1 AS ok FROM sellers WHERE tier = ${scope.id} LIMIT 1`;
  const [row] = await executor.query(query);
  if (!row) {
    throw new UserError(`no ${scope.kind.replace('_', ' ')} "${scope.id}" in this workspace`, {
      hint: 'pick one that exists (subcategories and tiers come from the imported sellers)',
      details: { field: 'scope', value: formatScope(scope) },
    });
  }
}

/** SQL expression naming a scope column for people: the subcategory's or seller's name, "Tier S". */
export function scopeLabelSql(scopeColumn: string) {
  const column = sql.raw(scopeColumn);
  return sql`CASE
    WHEN ${column} = 'category' THEN 'Whole category'
    WHEN starts_with(${column}, 'subcategory:') THEN coalesce((SELECT scope_category.name FROM categories scope_category WHERE scope_category.id = substr(${column}, 13)), substr(${column}, 13))
    WHEN starts_with(${column}, 'seller_tier:') THEN 'Tier ' || substr(${column}, 13)
    WHEN starts_with(${column}, 'seller:') THEN coalesce((SELECT scope_seller.name FROM sellers scope_seller WHERE scope_seller.id = substr(${column}, 8)), substr(${column}, 8))
    ELSE ${column} END`;
}
