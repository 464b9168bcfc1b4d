/** Test helpers: a real DuckDB, migrated, in a temp dir that is removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../../src/core/db/database.ts';
import { migrate } from '../../src/core/db/migrate.ts';

export async function makeTempDir(prefix = 'aisle-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A migrated in-memory database. */
export async function openMigratedMemoryDb(): Promise<Database> {
  const db = await Database.open(':memory:');
  await migrate(db);
  return db;
}
