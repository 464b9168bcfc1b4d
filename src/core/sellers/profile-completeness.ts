/**
 * How complete a seller's profile is: the fields a category team needs to work with a seller, a
 * score from 0 to 100 (the share of them that are filled) and the list of those missing. Declared
 * once, as SQL on a `sellers` row, so the grid can filter and sort 100,000 sellers by it inside
 * DuckDB and the seller page, exports and opportunity rules read the same answer.
 */
import { sql, type Sql } from '../db/sql.ts';

export interface CompletenessField {
  /** The profile field name (as in imports and `seller_history`), or `owner`. */
  field: string;
  label: string;
  /** SQL on the sellers row `s` that is true when the field is filled. */
  filled: string;
}

export const COMPLETENESS_FIELDS: readonly CompletenessField[] = [
  { field: 'shop_name', label: 'Shop name', filled: 's.shop_name IS NOT NULL' },
  { field: 'brand', label: 'Brand', filled: 's.brand IS NOT NULL' },
  { field: 'seller_type', label: 'Seller type', filled: 's.seller_type IS NOT NULL' },
  { field: 'category', label: 'Category', filled: 's.category_id IS NOT NULL' },
  { field: 'subcategory', label: 'Subcategory', filled: 's.subcategory_id IS NOT NULL' },
  { field: 'region', label: 'Region', filled: 's.region IS NOT NULL' },
  { field: 'city', label: 'City', filled: 's.city IS NOT NULL' },
  { field: 'onboarded_at', label: 'Onboarded', filled: 's.onboarded_at IS NOT NULL' },
  { field: 'contact_name', label: 'Contact name', filled: 's.contact_name IS NOT NULL' },
  { field: 'contact_email', label: 'Contact e-mail', filled: 's.contact_email IS NOT NULL' },
  { field: 'contact_phone', label: 'Contact phone', filled: 's.contact_phone IS NOT NULL' },
  { field: 'owner', label: 'Owner', filled: 's.owner_user_id IS NOT NULL' },
];

/** The score 0–100 (rounded) of the sellers row `s`. */
export function completenessScoreSql(): Sql {
  const filled = COMPLETENESS_FIELDS.map((f) => `CASE WHEN ${f.filled} THEN 1 ELSE 0 END`).join(' + ');
  return sql.raw(`CAST(round(100.0 * (${filled}) / ${COMPLETENESS_FIELDS.length}) AS INTEGER)`);
}

/** The missing field names of the sellers row `s`, in declaration order (a VARCHAR[]). */
export function missingFieldsSql(): Sql {
  const items = COMPLETENESS_FIELDS.map((f) => `CASE WHEN NOT (${f.filled}) THEN '${f.field}' END`).join(', ');
  return sql.raw(`list_filter([${items}], x -> x IS NOT NULL)`);
}

export function completenessLabel(field: string): string {
  return COMPLETENESS_FIELDS.find((f) => f.field === field)?.label ?? field;
}
