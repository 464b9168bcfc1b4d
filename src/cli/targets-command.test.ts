import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
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

describe('aisle targets (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const targets = (...args: string[]) => aisle(['--data-dir', tmp.dir, 'targets', ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await db.exec(TINY_DATASET);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('sets targets, lists them and shows progress with a run-rate projection', async () => {
    expect(await targets('set', 'gmv', '3000', '--period', '2026-11')).toMatchObject({ code: 0, stdout: 'Set gmv for category, 2026-11: 3000.\n' });
    expect((await targets('set', 'engagement_rate', '5%', '--period', '2026-11', '--scope', 'seller_tier:a')).stdout).toBe('Set engagement_rate for seller_tier:A, 2026-11: 0.05.\n');
    expect((await targets('set', 'gmv', '3300', '--period', '2026-11')).stdout).toMatch(/^Updated gmv/);

    const list = await targets('list', '--period', '2026-11', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).targets.map((t: { metric: string; value: number }) => [t.metric, t.value])).toEqual([
      ['gmv', 3300],
      ['engagement_rate', 0.05],
    ]);

    const progress = await targets('progress', '--period', '2026-11');
    expect(progress.code).toBe(0);
    expect(progress.stdout).toContain('2026-11 (2026-11-01 – 2026-11-30), data to 2026-11-16, day 16 of 30');
    // 1450.50 / 16 × 30 = 2719.69, below 95 % of 3300.
    expect(progress.stdout).toMatch(/gmv\s+category\s+3,300\.00\s+1,450\.50\s+44%\s+2,719\.69\s+behind/);
    const json = JSON.parse((await targets('progress', '--period', '2026-11', '--json')).stdout);
    expect(json).toMatchObject({ asOf: '2026-11-16', elapsedDays: 16, totalDays: 30 });
  });

  it('refuses bad targets with exit 1 and malformed options with exit 2', async () => {
    const unknown = await targets('set', 'gmvv', '10', '--period', '2026-11');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('row 1, metric "gmvv": not a metric in the catalog');
    expect(unknown.stderr).toMatch(/→ fix the rows listed/);
    expect((await targets('set', 'gmv', 'lots', '--period', '2026-11')).code).toBe(2);
    expect((await targets('set', 'gmv', '10', '--period', 'November')).code).toBe(2);
    expect((await targets('progress')).code).toBe(2);
  });

  it('imports a sheet, and refuses a bad one listing every row without writing anything', async () => {
    const good = path.join(tmp.dir, 'plan.csv');
    await writeFile(good, 'Metric,Period,Subcategory,Target\norders,2026-W47,kitchen,12\n\norders,2026-W47,,40\n');
    const ok = await targets('import', good);
    expect(ok).toMatchObject({ code: 0, stdout: 'plan.csv: 2 targets added, 0 updated, 1 blank row skipped.\n' });

    const bad = path.join(tmp.dir, 'bad.csv');
    await writeFile(bad, 'metric,period,value\norders,2026-W48,12\norders,2026-W99,5\nbogus,2026-W48,1\n');
    const refused = await targets('import', bad, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      file: bad,
      errors: [
        { row: 3, column: 'period', value: '2026-W99', message: 'not a month YYYY-MM or an ISO week YYYY-Www' },
        { row: 4, column: 'metric', value: 'bogus', message: 'not a metric in the catalog' },
      ],
    });
    expect(refused.stderr).toContain('row 3, period "2026-W99"');
    const weeks = JSON.parse((await targets('list', '--metric', 'orders', '--json')).stdout);
    expect(weeks.targets.map((t: { period: string; scope: string }) => `${t.period} ${t.scope}`)).toEqual(['2026-W47 category', '2026-W47 subcategory:kitchen']);
  });
});
