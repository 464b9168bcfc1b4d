/**
 * Where each row's seller comes from, once the columns are matched (CONTRACTS.md §2): a seller_id or
 * seller_name column; else, for an export of one shop with no seller column at all, the seller
 * given with `--seller ID_OR_NAME`; else, for a kind that declares a `sellerNameFallback` (a sellers
 * list identified only by "Shop name"), that column standing in for the seller's name. Guards
 * against the two silent mistakes: `--seller` overriding a seller column the file does have, and a
 * seller-less kind (livestream minutes) accepting a seller it would ignore.
 * Pure: the value of `--seller` is applied after parsing (load/seller-for-every-row.sql.ts).
 */
import { UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import { SELLER_ONE_OF } from '../kinds/shared-fields.ts';
import type { MappedColumn } from '../load/import-plan.ts';
import type { ColumnMatch } from './match-columns.ts';

export interface SellerIdentity {
  /** The seller of every row (trimmed `--seller`), or null. */
  seller: string | null;
  /** Extra columns that feed the seller's name (at most one: the fallback column). */
  standIns: MappedColumn[];
  /** The matching's missing required fields, without the seller group when it is now covered. */
  missingRequired: string[];
}

const SELLER_GROUP = SELLER_ONE_OF.join(' or ');

export function sellerIdentity(
  kind: KindDef,
  columns: readonly ColumnMatch[],
  missingRequired: readonly string[],
  sellerOption: string | undefined,
): SellerIdentity {
  const seller = sellerOption?.trim() || null;
  const covered = missingRequired.filter((missing) => missing !== SELLER_GROUP);
  const hasSellerFields = kind.fields.some((f) => SELLER_ONE_OF.includes(f.name));
  const sellerColumn = columns.find((c) => c.field !== null && SELLER_ONE_OF.includes(c.field));
  if (seller !== null) {
    if (!hasSellerFields) {
      throw new UserError(`${kind.kind} takes no seller for every row: its rows belong to a livestream, whose session list names the seller`, {
        hint: 'leave the seller out (--seller)',
      });
    }
    if (sellerColumn) {
      throw new UserError(
        `the seller for every row ("${seller}") conflicts with the file's seller column "${sellerColumn.header}" (${sellerColumn.field ?? ''}): each row already names its seller`,
        { hint: `leave the seller for every row out (--seller), or ignore the column "${sellerColumn.header}" (--map "${sellerColumn.header}=") to file every row under "${seller}"` },
      );
    }
    return { seller, standIns: [], missingRequired: covered };
  }
  const fallback = kind.sellerNameFallback;
  const fallbackColumn = fallback ? columns.find((c) => c.field === fallback) : undefined;
  if (!sellerColumn && fallbackColumn && hasSellerFields) {
    return {
      seller: null,
      standIns: [{ column: fallbackColumn.column, header: fallbackColumn.header, field: 'seller_name', standsIn: true }],
      missingRequired: covered,
    };
  }
  return { seller: null, standIns: [], missingRequired: [...missingRequired] };
}
