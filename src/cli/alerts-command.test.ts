import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertAlertSeries } from '../../test/support/alert-series.ts';

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

describe('aisle alerts (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const inDir = (...args: string[]) => aisle(['--data-dir', tmp.dir, ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15', drop: { seller: 'k1', from: '2026-11-12', factor: 0.2 } });
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('says there are none before a scan, scans, lists and acknowledges', async () => {
    expect((await inDir('alerts')).stdout).toBe('No alerts.\n');

    const scan = await inDir('alerts', 'scan', '--json');
    expect(scan.code).toBe(0);
    const summary = JSON.parse(scan.stdout) as { judged: { from: string; to: string }; created: number; skippedCampaignDays: { date: string }[] };
    expect(summary.judged).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(summary.created).toBeGreaterThan(0);
    expect(summary.skippedCampaignDays.map((d) => d.date)).toEqual(['2026-11-10', '2026-11-11']);

    const listed = await inDir('alerts', 'list', '--json');
    const { alerts, total } = JSON.parse(listed.stdout) as { alerts: { id: number; scope: string; status: string }[]; total: number };
    expect(total).toBe(summary.created);
    const table = await inDir('alerts');
    expect(table.stdout).toMatch(/^#\d+ {2}CRITICAL new {10}GMV · Whole category · day 2026-11-12\.\.2026-11-15 {2}observed [\d,]+, expected [\d,]+\n {4}GMV −\d+% vs the usual Sunday; /m);

    const first = alerts[0];
    if (!first) throw new Error('no alert listed');
    const ack = await inDir('alerts', 'ack', String(first.id));
    expect(ack).toMatchObject({ code: 0, stdout: `Alert #${first.id} is acknowledged.\n` });
    const acknowledged = JSON.parse((await inDir('alerts', '--status', 'acknowledged', '--json')).stdout) as { alerts: { id: number }[] };
    expect(acknowledged.alerts.map((a) => a.id)).toEqual([first.id]);
  });

  it('refuses an unknown alert with exit 1 and bad options with exit 2', async () => {
    const missing = await inDir('alerts', 'ack', '99999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no alert with id 99999/);
    expect((await inDir('alerts', '--status', 'closed')).code).toBe(2);
    expect((await inDir('alerts', 'scan', '--days', '9')).code).toBe(2);
  });
});
