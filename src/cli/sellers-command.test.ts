import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle sellers (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const sellers = (...args: string[]) => aisle(['--data-dir', tmp.dir, 'sellers', ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await db.exec(TINY_DATASET);
    await db.exec(`INSERT INTO sellers (id, name, name_key, subcategory_id, category_id) VALUES ('s3', '@SUM(A1)', 'sum a1', 'kitchen', 'home_living')`);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('lists sellers as a table, CSV (neutralised) and JSON with the same figures as the API', async () => {
    const table = await sellers('list', '--from', '2026-11-09', '--to', '2026-11-16');
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('2026-11-09 – 2026-11-16, sorted by gmv desc: 3 of 3 sellers');
    expect(table.stdout.split('\n')[2]).toMatch(/^s2\s+Glow Lab\s+Skin care\s+—\s+—\s+1,050\.50\s+—\s+11\s+0\s+0%/);

    const csv = await sellers('list', '--subcategory', 'kitchen', '--from', '2026-11-09', '--to', '2026-11-16', '--sort', 'name', '--asc', '--format', 'csv');
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual([
      'id,name,subcategory,tier,lifecycle,gmv,change,orders,live,live_share,last_contact,owner,complete',
      's3,\'@SUM(A1),kitchen,,,0,,0,0,,,,17',
      's1,Casa Rapi,kitchen,,,400,,10,2,0.15,,,25',
    ]);

    const json = JSON.parse((await sellers('list', '--q', 'casa', '--json', '--from', '2026-11-09', '--to', '2026-11-16')).stdout);
    expect(json).toMatchObject({ total: 1, rows: [{ id: 's1', gmv: 400, live_gmv_share: 0.15 }] });
  });

  it('shows one seller with its figures and exports a view to a workbook', async () => {
    const show = await sellers('show', 's1');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Casa Rapi (s1)');
    expect(show.stdout).toMatch(/gmv\s+400\.00\s+0\.00\s+—\s+400\.00/);
    expect(JSON.parse((await sellers('show', 's1', '--json')).stdout).seller).toMatchObject({ id: 's1', subcategory: 'kitchen' });

    const file = path.join(tmp.dir, 'kitchen.xlsx');
    const exported = await sellers('export', file, '--subcategory', 'kitchen', '--from', '2026-11-09', '--to', '2026-11-16');
    expect(exported).toMatchObject({ code: 0, stdout: `Wrote 2 sellers to ${file}.\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Sellers');
    expect([sheet?.getRow(5).getCell(1).value, sheet?.getRow(6).getCell(2).value]).toEqual(['s1', "'@SUM(A1)"]);
  });

  it('merges from the command line; the merged seller leaves the list', async () => {
    const merged = await sellers('merge', '--keep', 's1', '--merge', 's3');
    expect(merged).toMatchObject({ code: 0, stdout: 'Merged s3 into s1 (Casa Rapi): moved no rows.\n' });
    expect(JSON.parse((await sellers('list', '--json')).stdout).rows.map((r: { id: string }) => r.id).sort()).toEqual(['s1', 's2']);
    expect((await sellers('merge', '--keep', 's1', '--merge', 's3')).stderr).toContain('seller s3 was already merged into s1');
  });

  it('refuses unknown sellers with exit 1 and malformed options with exit 2', async () => {
    const unknown = await sellers('show', 'ghost');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: no seller with id ghost');
    expect((await sellers('list', '--sort', 'password')).code).toBe(2);
    expect((await sellers('list', '--limit', '501')).code).toBe(2);
    expect((await sellers('export', 'out.csv')).code).toBe(1);
  });
});
