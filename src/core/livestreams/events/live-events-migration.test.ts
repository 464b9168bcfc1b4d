import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../../db/database.ts';
import { migrate, MIGRATIONS_DIR } from '../../db/migrate.ts';
import { sql } from '../../db/sql.ts';
import { makeTempDir } from '../../../../test/support/temp-db.ts';

// The live-events migration rebuilds `imports` and `import_rejects` (DuckDB cannot alter a CHECK):
// an existing database keeps every import and rejected row, and then accepts the new kind.
describe('the live-events migration on a database with imports', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  beforeAll(async () => {
    tmp = await makeTempDir();
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const live = files.findIndex((f) => f.endsWith('-live-events.sql'));
    expect(live).toBeGreaterThan(0);
    const before = path.join(tmp.dir, 'before');
    await mkdir(before);
    for (const file of files.slice(0, live))
      await copyFile(path.join(MIGRATIONS_DIR, file), path.join(before, file));
    db = await Database.open(path.join(tmp.dir, 'aisle.duckdb'));
    await migrate(db, before);
    await db.run(sql`INSERT INTO imports (id, file, sha256, kind, status, rows_read, rows_rejected, "by")
      VALUES ('i-1', 'orders.csv', ${'a'.repeat(64)}, 'orders', 'rejected', 3, 1, 'cli')`);
    await db.run(sql`INSERT INTO import_rejects (import_id, row_no, column_name, value, message, raw)
      VALUES ('i-1', 2, 'Amount', 'abc', 'not a number', '["A-1","abc"]')`);
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  it('keeps the imports and their rejected rows', async () => {
    expect(await db.query(sql`SELECT id, file, kind, status, rows_read, rows_rejected FROM imports`)).toEqual(
      [{ id: 'i-1', file: 'orders.csv', kind: 'orders', status: 'rejected', rows_read: 3, rows_rejected: 1 }],
    );
    expect(
      await db.query(sql`SELECT import_id, row_no, column_name, value, message, raw FROM import_rejects`),
    ).toEqual([
      {
        import_id: 'i-1',
        row_no: 2,
        column_name: 'Amount',
        value: 'abc',
        message: 'not a number',
        raw: ['A-1', 'abc'],
      },
    ]);
  });

  it('accepts live_events imports, still refuses an unknown kind, and keeps the rejects tied to their import', async () => {
    await db.run(
      sql`INSERT INTO imports (id, file, sha256, kind, status, "by") VALUES ('i-2', 'rec.jsonl', ${'b'.repeat(64)}, 'live_events', 'loaded', 'cli')`,
    );
    await expect(
      db.run(
        sql`INSERT INTO imports (id, file, sha256, kind, status, "by") VALUES ('i-3', 'x', ${'c'.repeat(64)}, 'invoices', 'loaded', 'cli')`,
      ),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      db.run(sql`INSERT INTO import_rejects (import_id, row_no, message) VALUES ('nope', 1, 'x')`),
    ).rejects.toThrow(/foreign key/i);
  });
});
