import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { listReports } from '../core/reports/report-files.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertReportMonth } from '../../test/support/report-data.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle report (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const report = (...args: string[]) => aisle(['--data-dir', path.join(tmp.dir, 'data'), 'report', ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(path.join(tmp.dir, 'data'));
    await insertReportMonth(db);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('writes the asked formats into --out and records the run in the archive', async () => {
    const out = path.join(tmp.dir, 'out');
    const result = await report('monthly', '--period', '2026-03', '--format', 'xlsx,html', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Report monthly 2026-03: \d+ findings; archive #1\n/);
    expect((await readdir(out)).sort()).toEqual(['aisle-monthly-2026-03.html', 'aisle-monthly-2026-03.xlsx']);
    const { db } = await openDataDir(path.join(tmp.dir, 'data'));
    try {
      expect((await listReports(db)).map((r) => [r.kind, r.period, r.status, r.by, r.path])).toEqual([['monthly', '2026-03', 'done', 'cli', out]]);
    } finally {
      await db.close();
    }
  });

  it('answers a period, format or kind it cannot read with exit 2 and how to write it', async () => {
    const week = await report('weekly', '--period', '2026-11');
    expect(week.code).toBe(2);
    expect(week.stderr).toContain('"2026-11" is not a week (write a weekly period as an ISO week, e.g. 2026-W47)');
    const format = await report('weekly', '--format', 'pdf,docx');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown report format "docx"');
    expect((await report('yearly')).code).toBe(2);
  });
});
