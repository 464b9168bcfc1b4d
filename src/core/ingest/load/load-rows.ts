/** Load stage dispatch: resolves sellers, then writes the kind's facts (inside the caller's transaction). */
import type { Executor } from '../../db/database.ts';
import type { ImportPlan } from './import-plan.ts';
import { loadLivestreamMinutes } from './load-livestream-minutes.sql.ts';
import { loadLivestreams } from './load-livestreams.sql.ts';
import { loadOrders } from './load-orders.sql.ts';
import { loadProducts } from './load-products.sql.ts';
import { loadSellerDaily } from './load-seller-daily.sql.ts';
import { loadSellers } from './load-sellers.sql.ts';
import { buildValid, resolveSellers } from './resolve-sellers.sql.ts';
import { parsedValueColumns } from './build-parsed.sql.ts';
import { dropNarrow } from './narrow-table.sql.ts';

/**
 * Before the load's transaction: `valid` from `parsed` (see resolve-sellers.sql.ts). When `valid`
 * is a copy, `parsed` is dropped — the load needs only `valid`, and the memory is freed before
 * loading; when it is a view over `parsed`, the caller drops both afterwards.
 */
export async function prepareValid(executor: Executor, plan: ImportPlan): Promise<void> {
  const overParsed = await buildValid(executor, parsedValueColumns(plan), hasSeller(plan));
  if (!overParsed) await dropNarrow(executor, 'parsed');
}

function hasSeller(plan: ImportPlan): boolean {
  return plan.kind.kind !== 'livestream_minutes';
}

/** Inside the caller's transaction, after `prepareValid`. */
export async function loadRows(executor: Executor, plan: ImportPlan, importId: string): Promise<number> {
  const kind = plan.kind.kind;
  await resolveSellers(executor, hasSeller(plan));
  switch (kind) {
    case 'orders':
      return loadOrders(executor, importId, plan.timezone);
    case 'seller_daily':
      return loadSellerDaily(executor, importId);
    case 'livestreams':
      return loadLivestreams(executor, importId, plan.timezone);
    case 'livestream_minutes':
      return loadLivestreamMinutes(executor, importId);
    case 'sellers':
      // A stand-in column identifies the seller but never renames one.
      return loadSellers(executor, importId, new Set(plan.columns.filter((c) => !c.standsIn).map((c) => c.field)));
    case 'products':
      return loadProducts(executor, importId);
    default: {
      const unknown: never = kind;
      throw new Error(`no loader for ${String(unknown)}`);
    }
  }
}
