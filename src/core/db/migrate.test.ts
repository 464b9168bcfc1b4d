import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Database } from './database.ts';
import { loadMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';
import { sql } from './sql.ts';
import { makeTempDir } from '../../../test/support/temp-db.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempDb() {
  const tmp = await makeTempDir();
  const db = await Database.open(path.join(tmp.dir, 'aisle.duckdb'));
  cleanups.push(async () => {
    await db.close();
    await tmp.remove();
  });
  return { db, dir: tmp.dir };
}

describe('migrations', () => {
  it('creates the whole schema on a fresh database and records each version', async () => {
    const { db } = await tempDb();
    const result = await migrate(db);
    const all = await loadMigrations();
    expect(result.applied).toEqual(all.map((m) => m.version));
    const tables = await db.query<{ table_name: string }>(sql`SELECT table_name FROM duckdb_tables()`);
    const names = tables.map((t) => t.table_name);
    for (const table of ['sellers', 'seller_history', 'order_lines', 'seller_days', 'livestreams', 'livestream_minutes',
      'rubrics', 'livestream_reviews', 'kpi_targets', 'alerts', 'communications', 'tasks', 'notes', 'imports',
      'import_rejects', 'reports', 'users', 'sessions', 'api_tokens', 'audit_log', 'settings', 'categories']) {
      expect(names).toContain(table);
    }
    expect(await migrate(db)).toEqual({ applied: [], current: result.current });
  });

  it('writes the new schema into the file, so a process killed right after migrating leaves a database that opens', async () => {
    const { db, dir } = await tempDb();
    await migrate(db);
    // The schema is in the database file, not left in the WAL: DuckDB cannot replay every DDL
    // statement (a rebuilt table with a sequence default) from a WAL.
    const wal = await stat(path.join(dir, 'aisle.duckdb.wal')).then((s) => s.size, () => 0);
    expect(wal).toBe(0);
  });

  it('upgrades an older database with only the newer files', async () => {
    const { db, dir } = await tempDb();
    const migrationsDir = path.join(dir, 'migrations');
    await mkdir(migrationsDir);
    await copyFile(path.join(MIGRATIONS_DIR, '001-initial.sql'), path.join(migrationsDir, '001-initial.sql'));
    expect((await migrate(db, migrationsDir)).applied).toEqual([1]);
    await db.run(sql`INSERT INTO settings (key, value) VALUES ('timezone', 'Asia/Jakarta')`);

    await writeFile(path.join(migrationsDir, '002-seller-notes.sql'), 'ALTER TABLE sellers ADD COLUMN notes VARCHAR;');
    expect((await migrate(db, migrationsDir)).applied).toEqual([2]);
    const columns = await db.query<{ column_name: string }>(
      sql`SELECT column_name FROM duckdb_columns() WHERE table_name = 'sellers' AND column_name = 'notes'`,
    );
    expect(columns).toHaveLength(1);
    const kept = await db.query(sql`SELECT value FROM settings WHERE key = 'timezone'`);
    expect(kept).toEqual([{ value: 'Asia/Jakarta' }]);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const { db, dir } = await tempDb();
    const migrationsDir = path.join(dir, 'migrations');
    await mkdir(migrationsDir);
    await copyFile(path.join(MIGRATIONS_DIR, '001-initial.sql'), path.join(migrationsDir, '001-initial.sql'));
    await migrate(db, migrationsDir);
    await writeFile(
      path.join(migrationsDir, '002-broken.sql'),
      'CREATE TABLE half_done (id INTEGER); SELECT * FROM table_that_does_not_exist;',
    );
    await expect(migrate(db, migrationsDir)).rejects.toThrow(/table_that_does_not_exist/);
    const leftovers = await db.query(sql`SELECT table_name FROM duckdb_tables() WHERE table_name = 'half_done'`);
    expect(leftovers).toEqual([]);
    const versions = await db.query(sql`SELECT version FROM schema_migrations ORDER BY version`);
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('refuses to open a database newer than the build', async () => {
    const { db } = await tempDb();
    await migrate(db);
    await db.run(sql`INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')`);
    await expect(migrate(db)).rejects.toThrow(/newer than this build/);
  });
});

describe('schema checks keep bad data out', () => {
  it('rejects negative quantities, sessions that end before they start and unknown roles', async () => {
    const { db } = await tempDb();
    await migrate(db);
    await expect(
      db.run(sql`INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, quantity, amount)
                 VALUES ('o1', 1, now(), current_date, 'completed', 's1', -2, 10)`),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      db.run(sql`INSERT INTO livestreams (id, seller_id, started_at, start_date, ended_at)
                 VALUES ('l1', 's1', TIMESTAMPTZ '2026-11-11 20:00:00+00', DATE '2026-11-11', TIMESTAMPTZ '2026-11-11 19:00:00+00')`),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      db.run(sql`INSERT INTO users (email, display_name, role) VALUES ('a@b.c', 'A', 'superuser')`),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      db.run(sql`INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, amount, refund_amount)
                 VALUES ('o2', 1, now(), current_date, 'refunded', 's1', 10, 11)`),
    ).rejects.toThrow(/CHECK/i);
  });
});
