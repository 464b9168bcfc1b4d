/**
 * Opens the workspace database inside a data dir (`--data-dir`, else `AISLE_DATA_DIR`, else
 * `./data`), creating the dir on first use and bringing the schema up to date.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Database, type OpenOptions } from './database.ts';
import { migrate, type MigrationResult } from './migrate.ts';

export const DATABASE_FILE = 'aisle.duckdb';

export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.AISLE_DATA_DIR ?? './data');
}

export interface OpenedWorkspace {
  db: Database;
  dataDir: string;
  migrations: MigrationResult;
}

export async function openDataDir(dataDir: string, options: OpenOptions = {}): Promise<OpenedWorkspace> {
  await mkdir(dataDir, { recursive: true });
  const db = await Database.open(path.join(dataDir, DATABASE_FILE), options);
  try {
    const migrations = await migrate(db);
    return { db, dataDir, migrations };
  } catch (error) {
    await db.close();
    throw error;
  }
}
