// The target form's values ↔ what the API takes: rates are typed as percents (5 → 0.05), and a
// scope is picked as a kind plus a subcategory, tier or seller. Unit conversion only.
import type { ValueFormat } from '../../ui/format';

export type ScopeKind = 'category' | 'subcategory' | 'seller_tier' | 'seller';

export const scopeKindOptions: { value: ScopeKind; label: string }[] = [
  { value: 'category', label: 'Whole category' },
  { value: 'subcategory', label: 'Subcategory' },
  { value: 'seller_tier', label: 'Seller tier' },
  { value: 'seller', label: 'Seller' },
];

export function isScopeKind(value: string | null): value is ScopeKind {
  return scopeKindOptions.some((o) => o.value === value);
}

/** `category`, or `<kind>:<id>`; null while the id is still missing. */
export function composeScope(kind: ScopeKind, id: string): string | null {
  if (kind === 'category') return 'category';
  const trimmed = id.trim();
  return trimmed ? `${kind}:${trimmed}` : null;
}

/** The number a person types for a stored value: rates as percents. */
export function toInputValue(value: number, format: ValueFormat): number {
  return format === 'rate' ? Number((value * 100).toPrecision(12)) : value;
}

/** The stored value for what was typed: percents back to fractions. */
export function fromInputValue(input: number, format: ValueFormat): number {
  return format === 'rate' ? Number((input / 100).toPrecision(12)) : input;
}

/** What is wrong with a typed target before asking the server; null when it looks right. */
export function targetInputProblem(input: number | string, format: ValueFormat, bounded = false): string | null {
  if (input === '' || typeof input !== 'number' || !Number.isFinite(input)) return 'Enter the target as a number.';
  if (input < 0) return 'A target cannot be negative.';
  if (format === 'rate' && bounded && input > 100) return 'This rate is a share of a whole: at most 100%.';
  return null;
}
