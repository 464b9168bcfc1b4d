/**
 * `aisle import rec.jsonl --kind live_events [--livestream ID]`: a JSON-lines recording of a LIVE
 * through the import pipeline's own job record, file hash, rejects and all-or-nothing rule, with a
 * reader and loader of its own (a recording is not a table). Lines are rows: `rowsRead` counts the
 * lines, `rowsSkipped` the blank ones, `rowsRejected` the malformed ones (each reported with its
 * line number, field, value and reason) and `rowsLoaded` the events stored.
 *
 * The observed figures of the session are replaced in one transaction together with the job and
 * its kept rejects, so a failure leaves the previous recording's figures untouched.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { inTransaction } from '../../ingest/connection-transaction.ts';
import { sha256File } from '../../ingest/file-hash.ts';
import { recordImport, type ImportJob } from '../../ingest/import-jobs.sql.ts';
import {
  MAX_ERRORS_IN_RESULT,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from '../../ingest/import-types.ts';
import { checkInputFile } from '../../ingest/read/check-input-file.ts';
import { LIVE_EVENTS_KIND } from './live-event-names.ts';
import { matchSession } from './match-session.ts';
import { dropRecording, keepLineRejects, listLineProblems, readRecording } from './read-recording.sql.ts';
import { storeObserved } from './store-observed.sql.ts';

/** A recording is read whole inside DuckDB; longer LIVEs are split into several files. */
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024; // ~500,000 events, read in ~40 s and ~1 GB

const RECORDING_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.txt'];

export function checkRecordingName(file: string): void {
  const extension = path.extname(file).toLowerCase();
  if (!RECORDING_EXTENSIONS.includes(extension)) {
    throw new UserError(
      `a live event recording is a JSON-lines file (.jsonl or .ndjson), not ${extension || 'a file without an extension'}`,
      {
        hint: 'record the LIVE as JSON lines {roomId, event, ts, userId, payload}, or choose the kind that matches this file',
      },
    );
  }
}

/** The first loaded import of the same bytes for the same given session (or none given). */
async function findDuplicate(
  executor: Executor,
  sha256: string,
  livestream: string | null,
): Promise<string | null> {
  const [row] = await executor.query<{ id: string }>(sql`
    SELECT id FROM imports WHERE sha256 = ${sha256} AND kind = ${LIVE_EVENTS_KIND} AND status = 'loaded' AND duplicate_of IS NULL
      AND trim(coalesce(json_extract_string(options, '$.livestream'), '')) = ${livestream ?? ''}
    ORDER BY started_at LIMIT 1`);
  return row?.id ?? null;
}

function job(
  result: ImportResult,
  sha256: string,
  options: ImportOptions,
  startedAt: Date,
  error: string | null,
): ImportJob {
  const { by, ...rest } = options;
  return {
    id: result.importId,
    file: result.file,
    sha256,
    kind: LIVE_EVENTS_KIND,
    sheet: null,
    headerRow: null,
    mapping: {},
    options: { ...rest, ...(result.livestreamId ? { livestreamId: result.livestreamId } : {}) },
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

export async function importLiveEvents(
  db: Database,
  filePath: string,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportResult> {
  const file = options.fileName ?? path.basename(filePath);
  checkRecordingName(file);
  await checkInputFile(filePath, MAX_RECORDING_BYTES);
  const { timezone } = await getSettings(db);
  const startedAt = new Date();
  onProgress({ step: 'hashing', done: 0, total: 4 });
  const sha256 = await sha256File(filePath);
  const livestream = options.livestream?.trim() || null;
  const base: ImportResult = {
    importId: randomUUID(),
    file,
    kind: LIVE_EVENTS_KIND,
    sheet: null,
    headerRow: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsSkipped: 0,
    rowsRejected: 0,
    mapping: {},
    ignoredColumns: [],
    duplicateOf: null,
    status: 'loaded',
    errors: [],
    livestreamId: null,
  };
  const duplicateOf = await findDuplicate(db, sha256, livestream);
  if (duplicateOf) {
    const result: ImportResult = { ...base, duplicateOf };
    if (!options.dryRun) await recordImport(db, job(result, sha256, options, startedAt, null));
    return result;
  }

  return db.withConnection(async (executor) => {
    try {
      onProgress({ step: 'reading', done: 1, total: 4 });
      const counts = await readRecording(executor, filePath, options.timezone ?? timezone);
      const session = await matchSession(executor, livestream ?? undefined);
      const errors = await listLineProblems(executor, MAX_ERRORS_IN_RESULT);
      const result: ImportResult = {
        ...base,
        rowsRead: counts.lines,
        rowsSkipped: counts.blank,
        rowsRejected: counts.rejected,
        errors,
        livestreamId: session?.id ?? null,
      };
      if (options.dryRun) return { ...result, status: 'dry_run' };
      if (counts.rejected > 0 && !options.skipInvalid) {
        const refused = { ...result, status: 'rejected' as const };
        await inTransaction(executor, async () => {
          await recordImport(
            executor,
            job(refused, sha256, options, startedAt, `${counts.rejected} malformed lines; nothing loaded`),
          );
          await keepLineRejects(executor, refused.importId);
        });
        return refused;
      }
      if (!session && counts.valid > 0) {
        throw new UserError(`${file}: the recording names no roomId`, {
          hint: 'pass --livestream ID (the session this recording belongs to)',
        });
      }
      if (!session || counts.valid === 0) {
        throw new UserError(`${file} holds no readable events`, {
          hint: 'check that the file is a recording of JSON lines {roomId, event, ts, userId, payload}',
        });
      }
      onProgress({ step: 'loading', done: 3, total: 4 });
      const loaded = await inTransaction(executor, async () => {
        const rowsLoaded = await storeObserved(executor, {
          livestreamId: session.id,
          sellerId: session.sellerId,
          importId: result.importId,
          roomId: session.roomId,
        });
        const done = { ...result, rowsLoaded };
        await recordImport(executor, job(done, sha256, options, startedAt, null));
        if (counts.rejected > 0) await keepLineRejects(executor, result.importId);
        return done;
      });
      onProgress({ step: 'done', done: 4, total: 4 });
      return loaded;
    } catch (error) {
      if (!(error instanceof UserError)) {
        const failed: ImportResult = { ...base, status: 'failed' };
        await recordImport(
          executor,
          job(
            failed,
            sha256,
            options,
            startedAt,
            error instanceof Error ? error.message.slice(0, 500) : String(error),
          ),
        ).catch(() => undefined);
      }
      throw error;
    } finally {
      await dropRecording(executor);
    }
  });
}
