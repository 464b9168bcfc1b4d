// The rule form's values ↔ what the API takes: a rate's threshold is typed as a percent
// (20 → 0.2), a scope is picked as a kind plus a subcategory, tier or seller, and a rule reads back
// as one line ("GMV of Home Decor below $1,300 per day"). Conversion and wording only.
import { formatValue, type ValueFormat } from '../../ui/format';
import type { AlertGrain, AlertRule, Comparator } from './alerts-api';

export type ScopeKind = 'category' | 'subcategory' | 'seller_tier' | 'seller';

export const scopeKinds: { value: ScopeKind; label: string }[] = [
  { value: 'category', label: 'Whole category' },
  { value: 'subcategory', label: 'Subcategory' },
  { value: 'seller_tier', label: 'Seller tier' },
  { value: 'seller', label: 'Seller' },
];

export const comparatorWords: Record<Comparator, string> = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' };
export const grainWords: Record<AlertGrain, string> = { day: 'per day', week: 'per week', month: 'per month' };

export function splitScope(scope: string): { kind: ScopeKind; id: string } {
  const at = scope.indexOf(':');
  if (at < 0) return { kind: 'category', id: '' };
  const kind = scope.slice(0, at);
  return { kind: scopeKinds.some((k) => k.value === kind) ? (kind as ScopeKind) : 'category', id: scope.slice(at + 1) };
}

/** `category`, or `<kind>:<id>`; null while the id is missing. */
export function joinScope(kind: ScopeKind, id: string): string | null {
  if (kind === 'category') return 'category';
  return id.trim() ? `${kind}:${id.trim()}` : null;
}

export function thresholdToInput(value: number, format: ValueFormat): number {
  return format === 'rate' ? Number((value * 100).toPrecision(12)) : value;
}

export function thresholdFromInput(value: number, format: ValueFormat): number {
  return format === 'rate' ? Number((value / 100).toPrecision(12)) : value;
}

/** "Live GMV share of Home Decor below 20.0% per week". */
export function ruleCondition(rule: Pick<AlertRule, 'comparator' | 'threshold' | 'grain' | 'scopeLabel'>, metric: { label: string; format: ValueFormat }, currency: string): string {
  const where = rule.scopeLabel === 'Whole category' ? 'the whole category' : rule.scopeLabel;
  if (rule.comparator === null || rule.threshold === null) return `${metric.label} of ${where}`;
  return `${metric.label} of ${where} ${comparatorWords[rule.comparator]} ${formatValue(rule.threshold, metric.format, currency)} ${grainWords[rule.grain]}`;
}
