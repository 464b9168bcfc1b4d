import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { insertAlertSeries } from '../../test/support/alert-series.ts';
import { AlertRunner, type RunnerLog } from './alert-runner.ts';

function recorder(): RunnerLog & { infos: object[]; errors: object[] } {
  const infos: object[] = [];
  const errors: object[] = [];
  return { infos, errors, info: (o) => infos.push(o), error: (o) => errors.push(o) };
}

const lastScan = async (db: Database) => {
  const [row] = await db.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'alerts.last_scan'`);
  return row ? (JSON.parse(row.value) as { reason: string; at: string }) : null;
};

let db: Database;
let runner: AlertRunner | undefined;
afterEach(async () => {
  await runner?.close();
  await db.close();
});

describe('AlertRunner', () => {
  it('schedules the daily scan at 06:00 in the workspace time zone and catches up on a missed one', async () => {
    db = await openMigratedMemoryDb();
    await db.run(sql`INSERT INTO settings (key, value) VALUES ('timezone', 'Asia/Jakarta')`);
    await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15' });
    const log = recorder();
    runner = new AlertRunner(db, log);
    await runner.startSchedule(new Date('2026-11-16T10:00:00Z'));
    // 06:00 in Jakarta (UTC+7) is 23:00 UTC the day before.
    expect(runner.nextDailyScan()?.toISOString()).toMatch(/T23:00:00\.000Z$/);
    await runner.idle();
    expect(await lastScan(db)).toMatchObject({ reason: 'catch-up' });
    expect(log.errors).toEqual([]);
  });

  it('does not catch up when the last scan is less than a day old', async () => {
    db = await openMigratedMemoryDb();
    const at = new Date('2026-11-16T06:00:00Z');
    await db.run(sql`INSERT INTO settings (key, value) VALUES ('alerts.last_scan', ${JSON.stringify({ at: at.toISOString(), asOf: null, reason: 'daily' })})`);
    runner = new AlertRunner(db, recorder());
    await runner.startSchedule(new Date('2026-11-16T20:00:00Z'));
    await runner.idle();
    expect(await lastScan(db)).toMatchObject({ reason: 'daily', at: at.toISOString() });
  });

  it('folds requests that arrive during a scan into one more scan', async () => {
    db = await openMigratedMemoryDb();
    await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15' });
    const log = recorder();
    runner = new AlertRunner(db, log);
    runner.request('import');
    runner.request('import');
    runner.request('import');
    await runner.idle();
    expect(log.infos).toHaveLength(2);
  });

  it('logs a failing scan and carries on', async () => {
    db = await openMigratedMemoryDb();
    await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15' });
    await db.exec('DROP TABLE alerts');
    const log = recorder();
    runner = new AlertRunner(db, log);
    expect(() => runner?.request('import')).not.toThrow();
    await runner.idle();
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ reason: 'import' });
  });
});
