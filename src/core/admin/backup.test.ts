import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '../db/database.ts';
import { DATABASE_FILE, openDataDir } from '../db/open-data-dir.ts';
import { sql } from '../db/sql.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { makeTempDir } from '../../../test/support/temp-db.ts';
import { createBackup, restoreBackup } from './backup.ts';

/** A raw tar entry, for archives the writer itself would refuse to make. */
function tarEntry(name: string, content: string | Buffer, type = '0'): Buffer {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const header = Buffer.alloc(512, 0);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.fill(' ', 148, 156);
  header.write(type, 156);
  header.write('ustar\u000000', 257, 'binary');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512, 0);
  return Buffer.concat([header, body, pad]);
}
const tarGz = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024, 0)]));
const manifest = (schemaVersion: number, tables: Record<string, number> = {}) =>
  JSON.stringify({ format: 'aisle-backup', version: 1, createdAt: '2026-11-25T00:00:00Z', appVersion: null, schemaVersion, tables, sequences: {} });
const MANIFEST = manifest(1);

describe('backup and restore', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  let backupFile: string;

  beforeAll(async () => {
    tmp = await makeTempDir();
    ({ db } = await openDataDir(path.join(tmp.dir, 'ws')));
    await generateDemo(db, { sellers: 40, days: 30, seed: 7, end: '2026-10-31' });
    backupFile = path.join(tmp.dir, 'out', 'workspace.tar.gz');
  }, 120_000);
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  it('round-trips every table: identical rows after restore, and sequences continue', async () => {
    const summary = await createBackup(db, backupFile, { appVersion: 'test' });
    expect(summary.tables).toBeGreaterThan(20);
    expect(summary.rows).toBeGreaterThan(1000);
    // Only the finished file is left in the folder (no .partial, no work folder).
    expect(await readdir(path.dirname(backupFile))).toEqual(['workspace.tar.gz']);

    const restored = await restoreBackup(backupFile, path.join(tmp.dir, 'restored'));
    expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, schemaVersion: summary.schemaVersion });
    expect(await readdir(path.join(tmp.dir, 'restored'))).toEqual([DATABASE_FILE]);

    const { db: copy } = await openDataDir(path.join(tmp.dir, 'restored'));
    const tables = await db.query<{ table_name: string }>(sql`
      SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal ORDER BY 1`);
    expect(tables.length).toBe(summary.tables);
    for (const { table_name } of tables) {
      // Each table's rows as sorted JSON text, compared whole.
      const dump = async (executor: Database) => {
        const [row] = await executor.query<{ rows: string | null; n: number }>(
          sql`SELECT string_agg(CAST(to_json(t) AS VARCHAR), '\n' ORDER BY CAST(to_json(t) AS VARCHAR)) AS rows, count(*) AS n FROM ${sql.ident(table_name)} t`,
        );
        return row;
      };
      expect(await dump(copy), table_name).toEqual(await dump(db));
    }
    // Sequences restart after the highest id: a new note gets a fresh id.
    const [before] = await copy.query<{ max: number | null }>(sql`SELECT max(id) AS max FROM notes`);
    const [created] = await copy.query<{ id: number }>(sql`INSERT INTO notes (title, created_by) VALUES ('After restore', 'test') RETURNING id`);
    expect(Number(created?.id)).toBeGreaterThan(Number(before?.max ?? 0));
    await copy.close();
  }, 120_000);

  it('takes a consistent snapshot while other connections keep writing', async () => {
    const file = path.join(tmp.dir, 'busy.tar.gz');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.run(sql`INSERT INTO notes (title, created_by) VALUES ('written during the backup', 'test')`);
        written += 1;
      }
    })();
    const summary = await createBackup(db, file);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    // The restore checks every table's rows against the manifest counted in the same snapshot.
    const restored = await restoreBackup(file, path.join(tmp.dir, 'busy-restored'));
    expect(restored.rows).toBe(summary.rows);
  }, 120_000);

  it('never restores over a workspace', async () => {
    await expect(restoreBackup(backupFile, path.join(tmp.dir, 'ws'))).rejects.toThrow(/already holds a workspace/);
  });

  it('refuses damaged and foreign files, leaving the data dir without a database', async () => {
    const intact = await readFile(backupFile);
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', intact.subarray(0, Math.floor(intact.length / 2)), /not a gzip file, or a damaged one|truncated/],
      ['garbage', Buffer.from('this is not a backup at all, just text'), /not a gzip file/],
      ['traversal', tarGz(tarEntry('manifest.json', MANIFEST), tarEntry('../escaped.sql', 'x')), /entry name "\.\.\/escaped\.sql" is not allowed/],
      ['link', tarGz(tarEntry('manifest.json', MANIFEST), tarEntry('schema.sql', '/etc/passwd', '2')), /is not a plain file/],
      ['no-manifest', tarGz(tarEntry('sellers.parquet', '')), /has no manifest/],
      ['foreign-manifest', tarGz(tarEntry('manifest.json', '{"format":"other"}')), /is not an Aisle backup/],
      ['future-schema', tarGz(tarEntry('manifest.json', manifest(999))), /holds schema version 999; this Aisle knows 1 to \d+/],
      ['missing-tables', tarGz(tarEntry('manifest.json', MANIFEST)), /does not hold the tables of schema version 1/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(tmp.dir, `${name}.tar.gz`);
      await writeFile(file, bytes);
      const target = path.join(tmp.dir, `from-${name}`);
      await expect(restoreBackup(file, target), name).rejects.toThrow(message);
      expect(await readdir(target), name).toEqual([]);
    }
    expect(existsSync(path.join(tmp.dir, 'escaped.sql'))).toBe(false);
  });

  it('refuses a backup whose Parquet file is damaged, naming the table', async () => {
    // The real backup with sellers.parquet replaced by text of the same name.
    const tar = gunzipSync(await readFile(backupFile));
    const entries: Buffer[] = [];
    for (let at = 0; at + 512 <= tar.length; ) {
      const name = tar.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '');
      if (!name) break;
      const size = parseInt(tar.subarray(at + 124, at + 136).toString('ascii').replace(/\0.*$/, ''), 8);
      const body = tar.subarray(at + 512, at + 512 + size);
      entries.push(name === 'sellers.parquet' ? tarEntry(name, 'not parquet') : tarEntry(name, Buffer.from(body)));
      at += 512 + Math.ceil(size / 512) * 512;
    }
    const file = path.join(tmp.dir, 'damaged.tar.gz');
    await writeFile(file, tarGz(...entries));
    await expect(restoreBackup(file, path.join(tmp.dir, 'from-damaged'))).rejects.toThrow(/could not be restored: table sellers/);
    expect(await readdir(path.join(tmp.dir, 'from-damaged'))).toEqual([]);
  }, 60_000);

  it('refuses a backup whose tables do not match its manifest', async () => {
    // Rewrite the manifest of the real backup to claim one row more in `sellers`.
    const tar = gunzipSync(await readFile(backupFile));
    const size = parseInt(tar.subarray(124, 136).toString('ascii').replace(/\0.*$/, ''), 8);
    const manifest = JSON.parse(tar.subarray(512, 512 + size).toString('utf8')) as { tables: Record<string, number> };
    manifest.tables.sellers = (manifest.tables.sellers ?? 0) + 1;
    const rest = tar.subarray(512 + Math.ceil(size / 512) * 512);
    const file = path.join(tmp.dir, 'mismatch.tar.gz');
    await writeFile(file, gzipSync(Buffer.concat([tarEntry('manifest.json', JSON.stringify(manifest)), rest])));
    await expect(restoreBackup(file, path.join(tmp.dir, 'from-mismatch'))).rejects.toThrow(/table sellers has 40 rows, the backup said 41/);
    expect(await readdir(path.join(tmp.dir, 'from-mismatch'))).toEqual([]);
  }, 60_000);
});
