import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { sql } from '../core/db/sql.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');
const FIXTURES = path.resolve('test/fixtures');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle import', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(() => tmp.remove());

  it('prints one contract-shaped JSON object per file and nothing else on stdout', async () => {
    const res = await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, 'live-list-with-title-rows.xlsx'), '--kind', 'livestreams', '--json']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['importId', 'file', 'kind', 'sheet', 'headerRow', 'rowsRead', 'rowsLoaded',
      'rowsSkipped', 'rowsRejected', 'mapping', 'ignoredColumns', 'duplicateOf', 'errors']));
    expect(result).toMatchObject({ file: 'live-list-with-title-rows.xlsx', kind: 'livestreams', sheet: 'LIVE list', headerRow: 3, rowsRejected: 0, duplicateOf: null });
    const again = JSON.parse((await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, 'live-list-with-title-rows.xlsx'), '--kind', 'livestreams', '--json'])).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ duplicateOf: result.importId, rowsLoaded: 0 });
  });

  it('exits 1 and loads nothing when a row is invalid; --dry-run loads nothing either', async () => {
    const rejected = await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, 'seller-daily-semicolon.csv'), '--kind', 'seller_daily']);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/row 2, column "Date", value "01.11.2026": ambiguous date/);
    const dry = await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, 'seller-daily-semicolon.csv'), '--kind', 'seller_daily', '--date-order', 'dmy', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'dry_run', rowsRejected: 0, rowsLoaded: 0 });
    const { db } = await openDataDir(tmp.dir);
    expect(await db.query(sql`SELECT count(*) AS n FROM seller_days`)).toEqual([{ n: 0 }]);
    await db.close();
    const loaded = await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, 'seller-daily-semicolon.csv'), '--kind', 'seller_daily', '--date-order', 'dmy']);
    expect(loaded.code).toBe(0);
  });

  it('refuses broken files with a clear message and exit code 1', async () => {
    for (const [file, message] of [
      ['empty.csv', /empty/i],
      ['garbage.csv', /not a text|binary|control/i],
      ['truncated.xlsx', /xlsx|workbook|corrupt|damaged/i],
      ['wide-5000-columns.csv', /columns/i],
    ] as const) {
      const res = await aisle(['--data-dir', tmp.dir, 'import', path.join(FIXTURES, file), '--kind', 'orders']);
      expect(res.code, file).toBe(1);
      expect(res.stderr, file).toMatch(message);
      expect(res.stderr, file).not.toMatch(/unexpected failure/);
    }
  });

  it('--seller files a one-shop export under that seller; without it the error says to use it; help lists it', async () => {
    const file = path.join(tmp.dir, 'one-shop-live.csv');
    await writeFile(file, 'Start time,Duration,Views\n2026-11-01 20:00:00,1h,1200\n');
    const missing = await aisle(['--data-dir', tmp.dir, 'import', file, '--kind', 'livestreams']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no column for seller_id or seller_name/);
    expect(missing.stderr).toMatch(/--seller ID_OR_NAME/);
    const loaded = await aisle(['--data-dir', tmp.dir, 'import', file, '--kind', 'livestreams', '--seller', 'Toko Satu', '--json']);
    expect(loaded.code).toBe(0);
    const result = JSON.parse(loaded.stdout) as Record<string, unknown>;
    // The --json shape stays the contract's: the seller is an option, not a field of the result.
    expect(result).toMatchObject({ rowsLoaded: 1, rowsRejected: 0, mapping: { 'Start time': 'started_at', Duration: 'duration_s', Views: 'views' } });
    expect(result).not.toHaveProperty('seller');
    const { db } = await openDataDir(tmp.dir);
    expect(await db.query(sql`SELECT s.name, l.views FROM livestreams l JOIN sellers s ON s.id = l.seller_id WHERE s.name = 'Toko Satu'`)).toEqual([{ name: 'Toko Satu', views: 1200 }]);
    await db.close();
    const help = await aisle(['import', '--help']);
    expect(help.stdout).toMatch(/--seller <ID_OR_NAME>\s+seller of every row/);
  });

  it('is a usage error (exit 2) without --kind or with an unknown kind', async () => {
    expect((await aisle(['--data-dir', tmp.dir, 'import', 'x.csv'])).code).toBe(2);
    expect((await aisle(['--data-dir', tmp.dir, 'import', 'x.csv', '--kind', 'invoices'])).code).toBe(2);
  });

  it('leaves no partial data when the process is killed during the load', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      // A file big enough that the load is still running when the process is killed.
      const header = 'Order ID,Created Time,Seller ID,Order Amount\n';
      const rows = Array.from({ length: 300_000 }, (_, i) => `K-${i},2026-11-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,s-${i % 500},${(i % 97) + 1}.50`);
      const file = path.join(dir, 'big.csv');
      await writeFile(file, header + rows.join('\n'));
      const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'import', file, '--kind', 'orders'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (/^loading…/m.test(stderr) || child.exitCode !== null) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
      child.kill('SIGKILL');
      await exited;
      // Killed while loading: the step line is written when the load starts.
      expect(child.signalCode).toBe('SIGKILL');
      const { db } = await openDataDir(dir);
      const [counts] = await db.query<{ lines: number; days: number; sellers: number; imports: number }>(sql`SELECT
        (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM seller_days) AS days,
        (SELECT count(*) FROM sellers) AS sellers, (SELECT count(*) FROM imports WHERE status = 'loaded') AS imports`);
      // Either nothing (killed before COMMIT) or everything (the commit won the race) — never a part.
      expect([0, 300_000]).toContain(counts?.lines);
      if (counts?.lines === 0) expect(counts).toEqual({ lines: 0, days: 0, sellers: 0, imports: 0 });
      await db.close();
      // The interrupted import can simply be run again.
      const again = await aisle(['--data-dir', dir, 'import', file, '--kind', 'orders', '--json']);
      expect(again.code).toBe(0);
      const { db: reopened } = await openDataDir(dir);
      expect(await reopened.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 300_000 }]);
      await reopened.close();
    } finally {
      await remove();
    }
  });
});
