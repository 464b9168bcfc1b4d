/**
 * One file's import, stage by stage: hash → (identical file? stop) → read into a staging table →
 * find the header → match columns → parse → validate → load, all on one connection. Loading, the
 * derived refreshes, the job record and the kept rejects commit in one transaction, so a failure or
 * a kill at any point leaves the database exactly as before.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { refreshSellerActivity } from '../sellers/refresh-seller-activity.ts';
import { inTransaction } from './connection-transaction.ts';
import { sha256File } from './file-hash.ts';
import { findLoadedDuplicate, keepRejects, listRejectsOfStage, recordImport, type ImportJob } from './import-jobs.sql.ts';
import { MAX_ERRORS_IN_RESULT, type ImportOptions, type ImportProgress, type ImportResult } from './import-types.ts';
import { getKind, type KindDef } from './kinds/index.ts';
import { buildParsed, dropParseErrors } from './load/build-parsed.sql.ts';
import { collectRejects } from './load/collect-rejects.sql.ts';
import { completeParsed } from './load/complete-parsed.sql.ts';
import type { ImportPlan } from './load/import-plan.ts';
import { loadRows, prepareValid } from './load/load-rows.ts';
import { dropNarrow } from './load/narrow-table.sql.ts';
import { prepareFile, requireAllFields, type PreparedFile } from './prepare-file.ts';
import { dropStageTable } from './read/stage-table.ts';
import { saveMappingProfile } from './mapping-profiles.sql.ts';
import { importLiveEvents } from '../livestreams/events/import-live-events.ts';
import { LIVE_EVENTS_KIND } from '../livestreams/events/live-event-names.ts';

export async function importFile(
  db: Database,
  filePath: string,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportResult> {
  // Recordings of a LIVE are JSON lines, not a table: their own reader and loader, the same job record.
  if (options.kind === LIVE_EVENTS_KIND) return importLiveEvents(db, filePath, options, onProgress);
  const kind = getKind(options.kind);
  const settings = await getSettings(db);
  if (options.currency && options.currency.toUpperCase() !== settings.currency) {
    throw new UserError(`the file is in ${options.currency.toUpperCase()} but the workspace counts in ${settings.currency}`, {
      hint: 'import files in the workspace currency; conversion rates are not supported yet',
    });
  }
  const file = options.fileName ?? path.basename(filePath);
  const startedAt = new Date();
  onProgress({ step: 'hashing', done: 0, total: 5 });
  const sha256 = await sha256File(filePath);
  const importId = randomUUID();
  const base = { importId, file, kind: kind.kind, errors: [] };

  const duplicateOf = await findLoadedDuplicate(db, sha256, kind.kind, options.seller?.trim() ?? null);
  if (duplicateOf) {
    const result: ImportResult = { ...base, sheet: null, headerRow: null, rowsRead: 0, rowsLoaded: 0, rowsSkipped: 0, rowsRejected: 0, mapping: {}, ignoredColumns: [], duplicateOf, status: 'loaded' };
    if (!options.dryRun) await recordImport(db, job(result, sha256, options, startedAt, null));
    return result;
  }

  return db.withConnection(async (executor, connection) => {
    onProgress({ step: 'reading', done: 1, total: 5 });
    const prepared = await prepareFile(executor, connection, filePath, kind, options);
    try {
      requireAllFields(prepared, file, options);
      const plan = planFor(kind, prepared, options, settings.timezone);
      onProgress({ step: 'parsing', done: 2, total: 5 });
      const { blankRows, rows } = await buildParsed(executor, plan);
      await completeParsed(executor, plan);
      onProgress({ step: 'validating', done: 3, total: 5 });
      const rejected = await collectRejects(executor, plan);
      const errors = await listRejectsOfStage(executor, MAX_ERRORS_IN_RESULT);
      // From here on the raw rows are needed only for the rejects kept with the job: the rest of
      // the stage (the whole file as text) is dropped before loading, which lowers peak memory.
      await keepOnlyRejectedRows(executor, prepared.stage);
      const result: ImportResult = {
        ...base,
        sheet: prepared.sheet,
        headerRow: prepared.headerRow,
        rowsRead: rows,
        rowsLoaded: 0,
        rowsSkipped: blankRows,
        rowsRejected: rejected,
        mapping: Object.fromEntries(prepared.columns.map((c) => [c.header, c.field])),
        ignoredColumns: prepared.ignoredColumns,
        duplicateOf: null,
        status: 'loaded',
        errors,
      };
      if (options.dryRun) return { ...result, status: 'dry_run' };
      if (rejected > 0 && !options.skipInvalid) {
        const refused = { ...result, status: 'rejected' as const };
        await inTransaction(executor, async () => {
          await recordImport(executor, job(refused, sha256, options, startedAt, `${rejected} invalid rows; nothing loaded`));
          await keepRejects(executor, importId, prepared.stage, prepared.columnCount);
        });
        return refused;
      }
      onProgress({ step: 'loading', done: 4, total: 5 });
      await dropParseErrors(executor, plan);
      await prepareValid(executor, plan);
      const loaded = await loadInOneTransaction(executor, plan, importId, result, sha256, options, startedAt, prepared);
      onProgress({ step: 'done', done: 5, total: 5 });
      return loaded;
    } catch (error) {
      if (!(error instanceof UserError)) {
        const failed: ImportResult = { ...base, sheet: prepared.sheet, headerRow: prepared.headerRow, rowsRead: 0, rowsLoaded: 0, rowsSkipped: 0, rowsRejected: 0, mapping: {}, ignoredColumns: [], duplicateOf: null, status: 'failed' };
        await recordImport(executor, job(failed, sha256, options, startedAt, error instanceof Error ? error.message.slice(0, 500) : String(error))).catch(() => undefined);
      }
      throw error;
    } finally {
      await dropNarrow(executor, 'parsed');
      await dropNarrow(executor, 'valid');
      await executor.exec('DROP TABLE IF EXISTS rejects');
      await dropStageTable(executor, prepared.stage);
    }
  });
}

async function keepOnlyRejectedRows(executor: Executor, stage: string): Promise<void> {
  const kept = `${stage}_rejected`;
  await executor.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.ident(kept)} AS
    SELECT * FROM ${sql.ident(stage)} WHERE row_no IN (SELECT row_no FROM rejects)`);
  await dropStageTable(executor, stage);
  await executor.run(sql`ALTER TABLE ${sql.ident(kept)} RENAME TO ${sql.ident(stage)}`);
}

async function loadInOneTransaction(
  executor: Executor,
  plan: ImportPlan,
  importId: string,
  result: ImportResult,
  sha256: string,
  options: ImportOptions,
  startedAt: Date,
  prepared: PreparedFile,
): Promise<ImportResult> {
  return inTransaction(executor, async () => {
    const rowsLoaded = await loadRows(executor, plan, importId);
    const loaded = { ...result, rowsLoaded };
    await recordImport(executor, job(loaded, sha256, options, startedAt, null));
    if (result.rowsRejected > 0) await keepRejects(executor, importId, plan.stage, plan.columnCount);
    const sellers = await executor.query<{ id: string }>(sql`SELECT DISTINCT seller_ref AS id FROM valid WHERE seller_ref IS NOT NULL`);
    if (sellers.length > 0) await refreshSellerActivity(executor, sellers.length <= 500 ? sellers.map((s) => s.id) : undefined);
    await saveMappingProfile(executor, plan.kind.kind, prepared, options.by);
    return loaded;
  });
}

export function planFor(kind: KindDef, prepared: PreparedFile, options: ImportOptions, workspaceTimezone: string): ImportPlan {
  return {
    kind,
    stage: prepared.stage,
    columnCount: prepared.columnCount,
    headerRow: prepared.headerRow,
    columns: [...prepared.columns, ...prepared.standIns],
    context: { dateOrder: options.dateOrder ?? null, year: options.year ?? null, timezone: options.timezone ?? workspaceTimezone },
    timezone: workspaceTimezone,
    seller: prepared.seller,
  };
}

function job(result: ImportResult, sha256: string, options: ImportOptions, startedAt: Date, error: string | null): ImportJob {
  const { by, ...rest } = options;
  return {
    id: result.importId,
    file: result.file,
    sha256,
    kind: result.kind,
    sheet: result.sheet,
    headerRow: result.headerRow,
    mapping: result.mapping,
    options: rest,
    status: result.status === 'dry_run' ? 'loaded' : result.status,
    rowsRead: result.rowsRead,
    rowsLoaded: result.rowsLoaded,
    rowsSkipped: result.rowsSkipped,
    rowsRejected: result.rowsRejected,
    duplicateOf: result.duplicateOf,
    error,
    startedAt,
    by,
  };
}
