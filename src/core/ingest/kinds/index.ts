/**
 * The catalog of import kinds (CONTRACTS.md §2). Every stage looks a kind up here; `getKind`
 * turns a user's `--kind` into a definition or a UserError that lists the valid kinds.
 */
import { UserError } from '../../shared/errors.ts';
import { livestreamMinutesKind } from './livestream-minutes.ts';
import { livestreamsKind } from './livestreams.ts';
import { ordersKind } from './orders.ts';
import { productsKind } from './products.ts';
import { sellerDailyKind } from './seller-daily.ts';
import { sellersKind } from './sellers.ts';
import type { FieldDef, ImportKind, KindDef } from './types.ts';

export type { FieldDef, ImportKind, KindDef, ValueType } from './types.ts';

export const KINDS: Record<ImportKind, KindDef> = {
  sellers: sellersKind,
  products: productsKind,
  orders: ordersKind,
  seller_daily: sellerDailyKind,
  livestreams: livestreamsKind,
  livestream_minutes: livestreamMinutesKind,
};

export const IMPORT_KINDS = Object.keys(KINDS) as ImportKind[];

export function isImportKind(name: string): name is ImportKind {
  return Object.hasOwn(KINDS, name);
}

export function getKind(name: string): KindDef {
  if (isImportKind(name)) return KINDS[name];
  throw new UserError(`unknown import kind ${JSON.stringify(name)}`, {
    hint: `use one of: ${IMPORT_KINDS.join(', ')}`,
    details: { kind: name, validKinds: IMPORT_KINDS },
  });
}

/** A field of a kind by its canonical name, or undefined. */
export function findField(kind: KindDef, name: string): FieldDef | undefined {
  return kind.fields.find((f) => f.name === name);
}
