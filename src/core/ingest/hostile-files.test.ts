// Hostile and broken files through the real import: each is refused with a clear error that says
// what is wrong — quickly, not after minutes of unpacking — and the database is left unchanged.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { isUserError } from '../shared/errors.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { sheetXml, workbookWithSheet } from '../../../test/support/zip-file.ts';
import { importFile } from './run-import.ts';

const HEADER = ['Order ID', 'Created Time', 'Seller ID', 'Order Amount'];
const ROW = ['A-1', '2026-11-01 10:00', 'S-1', '10'];

/** A valid sheet with `filler` bytes of whitespace inside sheetData: a zip bomb of any size. */
function bomb(fillerBytes: number): Buffer {
  const base = sheetXml([HEADER, ROW]);
  const cut = base.indexOf('</sheetData>');
  return workbookWithSheet(Buffer.concat([Buffer.from(base.slice(0, cut)), Buffer.alloc(fillerBytes, 0x20), Buffer.from(base.slice(cut))]));
}

describe('hostile files', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
  });
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  async function attempt(name: string, bytes: Buffer | string) {
    const file = path.join(tmp.dir, name);
    await writeFile(file, bytes);
    const outcome = await importFile(db, file, { kind: 'orders', by: 'test' }).then(
      (result) => ({ result, error: null }),
      (error: unknown) => ({ result: null, error }),
    );
    const [facts] = await db.query<{ lines: number; sellers: number }>(
      sql`SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM sellers) AS sellers`,
    );
    return { ...outcome, lines: Number(facts?.lines), sellers: Number(facts?.sellers) };
  }

  it('refuses a zip bomb by the sizes its directory declares, before unpacking it', async () => {
    // 64 MB of spaces deflate to about 64 KB: a ratio no real sheet has.
    const { error, lines, sellers } = await attempt('bomb.xlsx', bomb(64 * 1024 ** 2));
    expect(isUserError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/^bomb\.xlsx unpacks to 64 MB from 0 MB \(xl\/worksheets\/sheet1\.xml\): more than an import reads$/);
    expect((error as { hint?: string }).hint).toMatch(/not a normal export/);
    expect([lines, sellers]).toEqual([0, 0]);
  }, 60_000);

  it('still reads a workbook whose sheet is merely padded within normal ratios', async () => {
    // 4 MB of padding stays under the size from which ratios are judged.
    const { result, lines } = await attempt('padded.xlsx', bomb(4 * 1024 ** 2));
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
    expect(lines).toBe(1);
    await db.exec('DELETE FROM order_lines; DELETE FROM seller_days; DELETE FROM sellers');
  }, 60_000);

  it('refuses a cell longer than Excel allows, naming the cell, without comparing it to every header', async () => {
    const { error, lines } = await attempt('huge-cell.xlsx', workbookWithSheet(sheetXml([HEADER, ['A-1', '2026-11-01 10:00', 'S-1', 'x'.repeat(5_000_000)]])));
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe('cell D2 holds 5,000,000 characters; an Excel cell holds at most 32,767');
    expect(lines).toBe(0);
  }, 60_000);

  it('refuses a CSV record longer than the limit (an unclosed quote runs into it)', async () => {
    const { error, lines } = await attempt('unclosed.csv', `${HEADER.join(',')}\nA-1,2026-11-01 10:00,S-1,"10\n${'y'.repeat(3 * 1024 * 1024)}\n`);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/unclosed\.csv/);
    expect(lines).toBe(0);
  }, 60_000);

  it('refuses truncated and garbage workbooks and a damaged table of contents', async () => {
    const good = workbookWithSheet(sheetXml([HEADER, ROW]));
    const truncated = await attempt('truncated.xlsx', good.subarray(0, Math.floor(good.length * 0.7)));
    expect((truncated.error as Error).message).toMatch(/truncated\.xlsx is truncated or damaged/);
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]);
    expect(((await attempt('garbage.xlsx', garbage)).error as Error).message).toMatch(/garbage\.xlsx is truncated or damaged/);
    // A directory that points past the end of the file.
    const lying = Buffer.from(good);
    lying.writeUInt32LE(good.length * 4, good.length - 6);
    expect(((await attempt('lying.xlsx', lying)).error as Error).message).toMatch(/lying\.xlsx is damaged: its table of contents cannot be read/);
    const [facts] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM order_lines`);
    expect(Number(facts?.n)).toBe(0);
  });

  it('does not crash on XML nested ten thousand levels deep inside a cell', async () => {
    const nested = workbookWithSheet(
      sheetXml([HEADER, ROW]).replace('</sheetData>', `<row r="3"><c r="A3" t="inlineStr"><is><t>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</t></is></c></row></sheetData>`),
    );
    const { result, error } = await attempt('nested.xlsx', nested);
    // Either refused as a user error or read without the nonsense cell — never a crash.
    if (error) expect(isUserError(error)).toBe(true);
    else expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
  }, 60_000);
});
