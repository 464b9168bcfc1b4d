/**
 * Schema migrations: numbered `NNN-name.sql` files applied in order, each inside its own
 * transaction together with its row in `schema_migrations`, so a failed migration leaves the
 * database exactly as it was. A newer build on an older database upgrades it at start.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './database.ts';
import { sql } from './sql.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  text: string;
}

const FILE_NAME = /^(\d{3,})-([a-z0-9-]+)\.sql$/;

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file name must look like 001-name.sql: ${file}`);
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? file,
      text: await readFile(path.join(dir, file), 'utf8'),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3… without gaps; found ${m.version}`);
  });
  return migrations;
}

export interface MigrationResult {
  applied: number[];
  current: number;
}

/** Applies the migrations the database does not have yet (up to `upTo`, when given: a restore rebuilds a backup's schema version first). */
export async function migrate(db: Database, dir: string = MIGRATIONS_DIR, upTo?: number): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
  )`);
  const done = await db.query<{ version: number }>(sql`SELECT version FROM schema_migrations ORDER BY version`);
  const have = new Set(done.map((row) => row.version));
  const migrations = await loadMigrations(dir);
  const newest = migrations.at(-1)?.version ?? 0;
  const stored = Math.max(0, ...have);
  if (stored > newest) {
    throw new Error(
      `the database is at schema version ${stored}, newer than this build (${newest}); upgrade Aisle before opening it`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (have.has(migration.version)) continue;
    if (upTo !== undefined && migration.version > upTo) break;
    await db.transaction(async (tx) => {
      await tx.exec(migration.text);
      await tx.run(
        sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`,
      );
    });
    applied.push(migration.version);
  }
  // Write the new schema into the database file now rather than leaving it in the WAL: DuckDB
  // cannot replay some DDL from a WAL (a table rebuilt with a sequence default fails with
  // "GetDefaultDatabase with no default database set"), so a process killed before its first
  // checkpoint would leave a database that does not open.
  if (applied.length > 0) await db.checkpoint();
  return { applied, current: newest };
}
