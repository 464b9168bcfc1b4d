/**
 * The parse steps that need more than one cell or the database, run on `parsed` right after the
 * value parsers and before validation (so the preview and the import see the same rows): the
 * seller given for every row (`--seller`), and livestream minutes written as clock times, which
 * become minutes from their session's start.
 */
import type { Executor } from '../../db/database.ts';
import type { ImportPlan } from './import-plan.ts';
import { resolveMinutesFromStart } from './minutes-from-start.sql.ts';
import { fillSellerOfEveryRow } from './seller-for-every-row.sql.ts';

export async function completeParsed(executor: Executor, plan: ImportPlan): Promise<void> {
  if (plan.seller !== null) await fillSellerOfEveryRow(executor, plan.seller);
  if (plan.kind.kind === 'livestream_minutes') await resolveMinutesFromStart(executor, plan.context);
}
