import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { isUserError, type UserError } from '../shared/errors.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { importTargets, listTargets, type TargetRowError } from './targets.ts';

const manager: Actor = { userId: null, label: 'maya@example.com', role: 'manager' };
let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await db.exec(TINY_DATASET);
  dir = await mkdtemp(path.join(tmpdir(), 'aisle-targets-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function refusal(work: Promise<unknown>): Promise<UserError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

const stored = async (): Promise<number> => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM kpi_targets`))[0]?.n ?? -1;

/** A planning sheet as a team writes it: a title, headers in its own words, scope columns, a % cell, a month Excel turned into a date. */
async function planningWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRow(['Targets agreed with the category lead on 28 Oct']);
  const sheet = book.addWorksheet('Targets');
  sheet.addRow(['Lifestyle targets — Q4 2026']);
  sheet.addRow([]);
  sheet.addRow(['KPI', 'Month', 'Sub Category', 'Tier', 'Seller', 'Target', 'Comment']);
  sheet.addRow(['gmv', '2026-11', null, null, null, 3000, 'stretch']);
  sheet.addRow(['gmv', '2026-11', 'kitchen', null, null, 700]);
  sheet.addRow(['orders', '2026-W47', null, null, 'Glow Lab', 20]);
  sheet.addRow(['engagement_rate', new Date(Date.UTC(2026, 11, 1)), null, 'A', null, 0.05]);
  sheet.getCell('B7').numFmt = 'yyyy-mm-dd';
  sheet.getCell('F7').numFmt = '0.0%';
  sheet.addRow([]);
  sheet.addRow(['net_gmv', '2026-12', null, null, null, '1,200,000']);
  const file = path.join(dir, 'plan.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

describe('importTargets', () => {
  it('reads a planning workbook: title rows, own headers, scope columns, % and dates, blank rows skipped', async () => {
    const result = await importTargets(db, manager, await planningWorkbook());
    expect(result).toEqual({
      file: 'plan.xlsx',
      sheet: 'Targets',
      headerRow: 3,
      rowsRead: 6,
      rowsSkipped: 1,
      created: 5,
      updated: 0,
      ignoredColumns: ['Comment'],
    });
    const targets = await listTargets(db);
    expect(targets.map((t) => [t.metric, t.scope, t.period, t.value])).toEqual([
      ['net_gmv', 'category', '2026-12', 1_200_000],
      ['engagement_rate', 'seller_tier:A', '2026-12', 0.05],
      ['orders', 'seller:s2', '2026-W47', 20],
      ['gmv', 'category', '2026-11', 3000],
      ['gmv', 'subcategory:kitchen', '2026-11', 700],
    ]);
    const [audit] = await db.query<{ action: string; after: { source: string; rows: unknown[] } }>(sql`SELECT action, after FROM audit_log WHERE entity = 'kpi_target'`);
    expect(audit?.action).toBe('import');
    expect(audit?.after.source).toBe('plan.xlsx');
    expect(audit?.after.rows).toHaveLength(5);
    // Importing it again updates the same five targets.
    expect(await importTargets(db, manager, await planningWorkbook())).toMatchObject({ created: 0, updated: 5 });
  });

  it('refuses a bad CSV as a whole, reporting every bad row with its row, column, value and reason', async () => {
    const before = await stored();
    const file = path.join(dir, 'bad.csv');
    await writeFile(
      file,
      [
        'Metric,Scope,Period,Value,Seller tier,Seller',
        'gmv,category,2027-01,1000,,', // valid, but must not be written
        'gmvv,category,2027-01,5,,',
        'gmv,subcategory:nowhere,2027-01,5,,',
        'gmv,,2027-14,5,,',
        'aov,,2027-01,abc,,',
        'live_gmv_share,,2027-01,340%,,',
        'like_rate,,2027-01,3.4,,',
        'orders,,2027-01,5,A,s1',
        'gmv,,2027-01,,,',
      ].join('\n'),
    );
    const error = await refusal(importTargets(db, manager, file));
    expect(error.details?.errors as TargetRowError[]).toEqual([
      { row: 3, column: 'Metric', value: 'gmvv', message: 'not a metric in the catalog' },
      { row: 4, column: 'Scope', value: 'subcategory:nowhere', message: 'no subcategory "nowhere" in the taxonomy' },
      { row: 5, column: 'Period', value: '2027-14', message: 'not a month YYYY-MM or an ISO week YYYY-Www' },
      { row: 6, column: 'Value', value: 'abc', message: 'not a number' },
      { row: 7, column: 'Value', value: '340%', message: 'this rate is a share of a whole, a fraction from 0 to 1: write 0.034 or 3.4%' },
      { row: 8, column: 'Value', value: '3.4', message: 'rate above 1: write 3.4% or 0.034' },
      { row: 9, column: 'Seller tier', value: 'A / s1', message: 'give one of Seller tier, Seller per row, not 2' },
      { row: 10, column: 'Value', value: '', message: 'a target value is required' },
    ]);
    expect(error.message).toMatch(/^bad\.csv: 8 problems, nothing was saved/);
    expect(await stored()).toBe(before);
  });

  it('names the missing columns and refuses files that are not sheets', async () => {
    const file = path.join(dir, 'no-value.csv');
    await writeFile(file, 'metric,period\ngmv,2027-01\n');
    expect((await refusal(importTargets(db, manager, file))).message).toMatch(/^no-value\.csv: no column for value/);
    const pdf = path.join(dir, 'targets.pdf');
    await writeFile(pdf, '%PDF-1.4');
    expect((await refusal(importTargets(db, manager, pdf))).hint).toBe('save the targets sheet as .xlsx or .csv');
  });
});
