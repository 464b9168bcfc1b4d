/**
 * Report schedules with a fake clock: a run that fell due while the server was down runs once at
 * start, for the period it was due for; it does not run again; a schedule switched on after the
 * due time has nothing to catch up; a failing run is recorded as failed with its error.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { SYSTEM_ACTOR } from '../core/auth/actor.ts';
import { updateSettings } from '../core/shared/settings.ts';
import { listReports, reportFileName } from '../core/reports/report-files.ts';
import { setReportSchedule } from '../core/reports/report-schedules.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { insertReportMonth } from '../../test/support/report-data.ts';
import { ReportScheduler } from './report-scheduler.ts';

describe('report schedules', () => {
  let db: Database;
  let dir: { dir: string; remove: () => Promise<void> };
  const errors: unknown[] = [];
  const log = { info: () => undefined, error: (object: object) => errors.push(object) };

  beforeEach(async () => {
    db = await openMigratedMemoryDb();
    dir = await makeTempDir('aisle-report-schedule-');
    errors.length = 0;
    await insertReportMonth(db);
  });
  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  const runAt = async (iso: string, dataDir = dir.dir) => {
    const scheduler = new ReportScheduler(db, dataDir, log, () => new Date(iso));
    await scheduler.start();
    await scheduler.idle();
    await scheduler.close();
  };

  it('catches up a Monday run missed while the server was down, once, for the week before it', async () => {
    await setReportSchedule(db, SYSTEM_ACTOR, 'weekly', { enabled: true, formats: ['html', 'xlsx'] }, new Date('2026-03-01T00:00:00Z'));
    // Down over Monday 2026-03-30 08:00; starts on Tuesday.
    await runAt('2026-03-31T12:00:00Z');
    let runs = await listReports(db);
    expect(runs.map((r) => [r.kind, r.period, r.status, r.by])).toEqual([['weekly', '2026-W13', 'done', 'schedule']]);
    const first = runs[0]!;
    expect(first.formats).toEqual(['html', 'xlsx']);
    expect(first.path).toBe(path.join(dir.dir, 'reports', String(first.id)));
    for (const format of ['html', 'xlsx'] as const) expect(existsSync(path.join(first.path, reportFileName('weekly', '2026-W13', format)))).toBe(true);

    // Restarted the same day: the run happened, nothing to catch up.
    await runAt('2026-03-31T18:00:00Z');
    expect(await listReports(db)).toHaveLength(1);

    // Down again over the next Monday: that week's report.
    await runAt('2026-04-07T07:00:00Z');
    runs = await listReports(db);
    expect(runs.map((r) => r.period)).toEqual(['2026-W14', '2026-W13']);
    expect(errors).toEqual([]);
  });

  it('runs in the workspace time zone: 08:00 in Jakarta is 01:00 UTC', async () => {
    await updateSettings(db, { timezone: 'Asia/Jakarta' });
    await setReportSchedule(db, SYSTEM_ACTOR, 'weekly', { enabled: true, formats: ['html'] }, new Date('2026-03-01T00:00:00Z'));
    await runAt('2026-03-30T00:59:00Z');
    expect((await listReports(db)).map((r) => r.period)).toEqual(['2026-W12']);
    await runAt('2026-03-30T01:01:00Z');
    expect((await listReports(db)).map((r) => r.period)).toEqual(['2026-W13', '2026-W12']);
  });

  it('has nothing to catch up when switched on after the due time, or when off', async () => {
    await runAt('2026-03-31T12:00:00Z');
    await setReportSchedule(db, SYSTEM_ACTOR, 'monthly', { enabled: true, formats: ['html'] }, new Date('2026-03-02T00:00:00Z'));
    await runAt('2026-03-31T12:00:00Z');
    expect(await listReports(db)).toEqual([]);
    await runAt('2026-04-01T08:30:00Z');
    expect((await listReports(db)).map((r) => [r.kind, r.period])).toEqual([['monthly', '2026-03']]);
  });

  it('records a failed run with its error', async () => {
    await setReportSchedule(db, SYSTEM_ACTOR, 'weekly', { enabled: true, formats: ['html'] }, new Date('2026-03-01T00:00:00Z'));
    const notADir = path.join(dir.dir, 'file');
    await writeFile(notADir, 'x');
    await runAt('2026-03-31T12:00:00Z', notADir);
    const [run] = await listReports(db);
    expect(run).toMatchObject({ status: 'failed', by: 'schedule', kind: 'weekly' });
    expect(run?.error).toMatch(/ENOTDIR|EEXIST|not a directory/);
    expect(errors).toHaveLength(1);
  });

  it('marks a run left running by a stopped process as failed when the server starts', async () => {
    await db.run(sql`INSERT INTO reports (kind, period, formats, path, status, "by") VALUES ('weekly', '2026-W13', ['pdf'], '', 'running', 'cli')`);
    await runAt('2026-03-31T12:00:00Z');
    expect((await listReports(db)).map((r) => [r.status, r.error])).toEqual([['failed', 'interrupted: Aisle stopped while the report was being written']]);
  });

  it('refuses a cron expression it cannot read, saying how to write one', async () => {
    await expect(setReportSchedule(db, SYSTEM_ACTOR, 'weekly', { cron: 'every monday' })).rejects.toMatchObject({ hint: expect.stringMatching(/0 8 \* \* 1/) });
  });
});
