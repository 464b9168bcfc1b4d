/**
 * Backup and restore of a whole workspace.
 *
 * **Backup** copies every table to Parquet (zstd) inside one read transaction, together with each
 * table's row count, each sequence's position and the schema version from the same snapshot, so the
 * file is a consistent picture even while the server keeps writing. It is packed as one `.tar.gz`
 * with a manifest (backup-archive.ts) and only renamed into place once complete.
 *
 * **Restore** goes into an empty data dir only (it never merges into or overwrites a workspace):
 * 1. unpack the archive, strictly checked, into a folder inside the data dir;
 * 2. build the backup's schema on a fresh database file from Aisle's own migrations up to the
 *    backup's schema version — no SQL from the archive is ever run (DuckDB's `EXPORT DATABASE`
 *    writes a self-referencing foreign key as an empty constraint its `IMPORT` cannot parse);
 * 3. lock the database's file access to the unpacked folder, then replace every table's rows (the
 *    migrations seed a few) with its Parquet file's, in foreign-key order (a table referencing
 *    itself level by level), all in one transaction;
 * 4. move each sequence to where it stood, check every table's row count against the manifest,
 *    checkpoint, and only then rename the file into place as the workspace's database.
 * Any failure leaves the data dir without a database, as it was. Opening it afterwards applies any
 * migrations newer than the backup.
 */
import { mkdtemp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Database } from '../db/database.ts';
import { DATABASE_FILE } from '../db/open-data-dir.ts';
import { loadMigrations, migrate } from '../db/migrate.ts';
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { readArchive, writeArchive, type ArchiveLimits } from './backup-archive.ts';

export const BACKUP_FORMAT = 'aisle-backup';
export const BACKUP_VERSION = 1;
const MANIFEST = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string | null;
  schemaVersion: number;
  /** Rows per table at the moment of the snapshot. */
  tables: Record<string, number>;
  /** Each sequence's last value (null: never used). */
  sequences: Record<string, number | null>;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  schemaVersion: number;
  tables: number;
  rows: number;
}

/** A quoted SQL string literal for a path Aisle made itself (EXPORT/IMPORT take no parameters). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function tableCounts(executor: Pick<Executor, 'query'>): Promise<Record<string, number>> {
  const names = await executor.query<{ table_name: string }>(sql`
    SELECT table_name FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY table_name`);
  if (names.length === 0) return {};
  const counts = await executor.query<{ name: string; n: number }>(
    sql.join(
      names.map(({ table_name }) => sql`SELECT ${table_name} AS name, count(*) AS n FROM ${sql.ident(table_name)}`),
      ' UNION ALL ',
    ),
  );
  return Object.fromEntries(counts.map((c) => [c.name, Number(c.n)]));
}

export async function createBackup(db: Database, target: string, options: { appVersion?: string } = {}): Promise<BackupSummary> {
  const finalPath = path.resolve(target);
  const folder = path.dirname(finalPath);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot write the backup to ${finalPath}`, { hint: 'pass a path in a folder you can write to', cause: error });
  }
  const work = await mkdtemp(path.join(folder, '.aisle-backup-'));
  const exportDir = path.join(work, 'export');
  await mkdir(exportDir);
  const partial = `${finalPath}.partial`;
  try {
    const manifest = await db.withConnection(async (executor) => {
      await executor.exec('BEGIN TRANSACTION');
      try {
        const [version] = await executor.query<{ v: number | null }>(sql`SELECT max(version) AS v FROM schema_migrations`);
        const tables = await tableCounts(executor);
        const sequences = await executor.query<{ name: string; last: number | null }>(sql`
          SELECT sequence_name AS name, last_value AS last FROM duckdb_sequences() WHERE database_name = current_database() AND NOT temporary`);
        for (const table of Object.keys(tables)) {
          // Names come from the catalog (checked again as archive entry names); the path is Aisle's own.
          await executor.exec(`COPY ${table} TO ${literal(path.join(exportDir, `${table}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
        }
        await executor.exec('COMMIT');
        const result: BackupManifest = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          appVersion: options.appVersion ?? null,
          schemaVersion: Number(version?.v ?? 0),
          tables,
          sequences: Object.fromEntries(sequences.map((q) => [q.name, q.last === null ? null : Number(q.last)])),
        };
        return result;
      } catch (error) {
        await executor.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    await writeFile(path.join(exportDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // The manifest first, so a reader can refuse a foreign file before unpacking the rest.
    const entries = [MANIFEST, ...(await readdir(exportDir)).filter((name) => name !== MANIFEST).sort()];
    await writeArchive(partial, entries.map((name) => ({ name, file: path.join(exportDir, name) })));
    await rename(partial, finalPath);
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    return { file: finalPath, bytes: (await stat(finalPath)).size, schemaVersion: manifest.schemaVersion, tables: Object.keys(manifest.tables).length, rows };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new UserError(`the disk is full: the backup to ${finalPath} was not written`, { hint: 'free some space or write the backup to another disk', cause: error });
    if (code === 'EACCES' || code === 'EROFS') throw new UserError(`cannot write the backup to ${finalPath}`, { hint: 'pass a path in a folder you can write to', cause: error });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function checkManifest(archive: string, text: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new UserError(`${path.basename(archive)} is not an Aisle backup: its manifest is not JSON`, { hint: 'restore a file written by `aisle backup`, unchanged' });
  }
  if (manifest.format !== BACKUP_FORMAT || typeof manifest.tables !== 'object' || manifest.tables === null || typeof manifest.sequences !== 'object' || manifest.sequences === null) {
    throw new UserError(`${path.basename(archive)} is not an Aisle backup`, { hint: 'restore a file written by `aisle backup`, unchanged' });
  }
  if (manifest.version !== BACKUP_VERSION) {
    throw new UserError(`${path.basename(archive)} is an Aisle backup of format ${String(manifest.version)}, this Aisle reads format ${BACKUP_VERSION}`, {
      hint: 'restore it with the Aisle version that wrote it',
    });
  }
  return manifest as BackupManifest;
}

export interface RestoreSummary {
  dataDir: string;
  schemaVersion: number;
  tables: number;
  rows: number;
  createdAt: string;
}

export async function restoreBackup(archive: string, dataDir: string, limits?: ArchiveLimits): Promise<RestoreSummary> {
  const source = path.resolve(archive);
  if (!existsSync(source)) throw new UserError(`no file ${source}`, { hint: 'pass the path of a backup written by `aisle backup`' });
  const dir = path.resolve(dataDir);
  const databaseFile = path.join(dir, DATABASE_FILE);
  if (existsSync(databaseFile)) {
    throw new UserError(`${dir} already holds a workspace`, {
      hint: 'restore into an empty data dir (--data-dir NEW_DIR); a restore never overwrites a workspace',
    });
  }
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(path.join(dir, '.aisle-restore-'));
  const unpacked = path.join(work, 'export');
  await mkdir(unpacked);
  const restoring = path.join(work, 'restoring.duckdb');
  try {
    const names = await readArchive(source, unpacked, limits);
    if (names[0] !== MANIFEST) throw new UserError(`${path.basename(source)} is not an Aisle backup: it has no manifest`, { hint: 'restore a file written by `aisle backup`, unchanged' });
    const manifest = checkManifest(source, await readFile(path.join(unpacked, MANIFEST), 'utf8'));
    const newest = (await loadMigrations()).at(-1)?.version ?? 0;
    if (!Number.isInteger(manifest.schemaVersion) || manifest.schemaVersion < 1 || manifest.schemaVersion > newest) {
      throw new UserError(`${path.basename(source)} holds schema version ${String(manifest.schemaVersion)}; this Aisle knows 1 to ${newest}`, {
        hint: 'restore it with the Aisle version that wrote it, or a newer one',
      });
    }
    const db = await Database.open(restoring, { connections: 1 });
    try {
      await migrate(db, undefined, manifest.schemaVersion);
      const tables = Object.keys(await tableCounts(db)).sort();
      const listed = Object.keys(manifest.tables).sort();
      const missingFile = listed.find((t) => !names.includes(`${t}.parquet`));
      if (tables.join() !== listed.join() || missingFile !== undefined) {
        throw new UserError(`${path.basename(source)} does not hold the tables of schema version ${manifest.schemaVersion}`, {
          hint: 'the backup is damaged or was changed; restore another backup',
        });
      }
      // From here the database can read only the unpacked folder, and cannot lift that.
      await db.exec(
        `SET allowed_directories = [${literal(`${unpacked}${path.sep}`)}]; SET enable_external_access = false; SET lock_configuration = true;`,
      );
      await db.transaction(async (tx) => {
        const order = await loadOrder(tx, tables);
        // Rows the migrations seeded (default alert rules, settings…) give way to the backup's.
        for (const table of [...order].reverse()) await tx.run(sql`DELETE FROM ${sql.ident(table)}`);
        for (const table of order) await loadTable(tx, table, path.join(unpacked, `${table}.parquet`), source);
        await restoreSequences(tx, manifest.sequences);
      });
      const counts = await tableCounts(db);
      const expected = manifest.tables;
      const wrong = tables.filter((t) => counts[t] !== expected[t]);
      if (wrong.length > 0) {
        const first = wrong[0] ?? '';
        throw new UserError(`${path.basename(source)} does not match its manifest: table ${first} has ${counts[first] ?? 'no'} rows, the backup said ${expected[first] ?? 'none'}`, {
          hint: 'the backup is damaged or was changed; restore another backup',
        });
      }
      await db.exec('CHECKPOINT');
    } finally {
      await db.close();
    }
    await rename(restoring, databaseFile);
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    return { dataDir: dir, schemaVersion: manifest.schemaVersion, tables: Object.keys(manifest.tables).length, rows, createdAt: manifest.createdAt };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new UserError(`the disk is full: ${dir} was left without a database`, { hint: 'free some space and run the restore again', cause: error });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface ForeignKey {
  table_name: string;
  referenced_table: string;
  constraint_column_names: string[];
  referenced_column_names: string[];
}

async function foreignKeys(executor: Executor): Promise<ForeignKey[]> {
  return executor.query<ForeignKey>(sql`
    SELECT table_name, referenced_table, constraint_column_names, referenced_column_names FROM duckdb_constraints()
    WHERE constraint_type = 'FOREIGN KEY' AND database_name = current_database()`);
}

/** Tables ordered so every table comes after the tables it references. */
export async function loadOrder(executor: Executor, tables: string[]): Promise<string[]> {
  const keys = await foreignKeys(executor);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const key of keys.filter((k) => k.table_name === table && k.referenced_table !== table)) visit(key.referenced_table, [...path, table]);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

async function loadTable(tx: Executor, table: string, file: string, source: string): Promise<void> {
  const parquet = sql`read_parquet(${file})`;
  const self = (await foreignKeys(tx)).find((k) => k.table_name === table && k.referenced_table === table);
  try {
    if (!self) {
      await tx.run(sql`INSERT INTO ${sql.ident(table)} BY NAME SELECT * FROM ${parquet}`);
      return;
    }
    // A table referencing itself (categories → parent): parents first, one level at a time.
    const fk = self.constraint_column_names[0] ?? '';
    const key = self.referenced_column_names[0] ?? '';
    for (let level = 0; level < 100; level += 1) {
      const added = await tx.run(sql`
        INSERT INTO ${sql.ident(table)} BY NAME
        SELECT * FROM ${parquet} p
        WHERE p.${sql.ident(key)} NOT IN (SELECT ${sql.ident(key)} FROM ${sql.ident(table)})
          AND (p.${sql.ident(fk)} IS NULL OR p.${sql.ident(fk)} IN (SELECT ${sql.ident(key)} FROM ${sql.ident(table)}))`);
      if (added === 0) return;
    }
  } catch (error) {
    throw new UserError(`${path.basename(source)} could not be restored: table ${table}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`, {
      hint: 'the backup is damaged or was changed; restore another backup',
      cause: error,
    });
  }
}

/** Moves each sequence forward to the value it had (a fresh one starts where the migrations left it). */
async function restoreSequences(tx: Executor, sequences: Record<string, number | null>): Promise<void> {
  const current = await tx.query<{ name: string; start_value: number; increment_by: number; last_value: number | null }>(sql`
    SELECT sequence_name AS name, start_value, increment_by, last_value FROM duckdb_sequences() WHERE database_name = current_database()`);
  for (const seq of current) {
    const target = sequences[seq.name];
    if (target === undefined || target === null) continue;
    const at = seq.last_value ?? Number(seq.start_value) - Number(seq.increment_by);
    const steps = Math.round((Number(target) - Number(at)) / Number(seq.increment_by));
    if (steps > 0) await tx.run(sql`SELECT max(nextval(${seq.name})) FROM range(CAST(${steps} AS BIGINT))`);
  }
}
