/**
 * Opens the workspace database inside a data dir (`--data-dir`, else `AISLE_DATA_DIR`, else
 * `./data`), creating the dir on first use and bringing the schema up to date.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Database, type OpenOptions } from './database.ts';
import { UserError } from '../shared/errors.ts';
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
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot use ${dataDir} as the data dir (${code ?? 'error'})`, {
      hint: code === 'EEXIST' || code === 'ENOTDIR' ? 'it is a file: pass --data-dir with a directory' : 'check the path and its permissions',
      cause: error,
    });
  }
  let db: Database;
  try {
    db = await Database.open(path.join(dataDir, DATABASE_FILE), options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      throw new UserError(`the database in ${dataDir} is in use by another Aisle process`, {
        hint: 'stop the running `aisle serve` (or use its web app / API), then try again',
        cause: error,
      });
    }
    throw error;
  }
  try {
    const migrations = await migrate(db);
    return { db, dataDir, migrations };
  } catch (error) {
    await db.close();
    throw error;
  }
}
