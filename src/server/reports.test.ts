/**
 * Reports over HTTP: preview, generate into the archive, download, the managers' layout (order,
 * hidden sections, commentary — audited and shown in every format) and schedules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import type { Role } from '../core/auth/roles.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { insertReportMonth } from '../../test/support/report-data.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

describe('reports over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let users: Record<Role, number>;
  const as = (role: Role) => sessionHeaders(db, users[role]);

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    await insertReportMonth(db);
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent', scheduleReports: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('previews the report for any reader, with its findings and HTML', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reports/preview?kind=monthly&period=2026-03', headers: await as('viewer') });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ title: string; findings: { rule: string; sentence: string }[]; html: string }>();
    expect(body.title).toBe('Monthly report 2026-03');
    expect(body.findings[0]?.sentence).toBe('GMV rose 137.9% to $9,990 against the previous month ($4,200).');
    expect(body.html).toContain('<section id="kpis"');
  });

  it('answers a period it cannot read with 400 and how to write it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reports/preview?kind=weekly&period=2026-13', headers: await as('viewer') });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { hint: string } }>().error.hint).toBe('write a weekly period as an ISO week, e.g. 2026-W47');
  });

  it('generates into the archive for an analyst and serves each file', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/reports', headers: await as('analyst'), payload: { kind: 'monthly', period: '2026-03', formats: ['xlsx', 'html'] } });
    expect(res.statusCode).toBe(201);
    const { report } = res.json<{ report: { id: number; status: string; formats: string[]; by: string } }>();
    expect(report).toMatchObject({ status: 'done', formats: ['xlsx', 'html'], by: 'analyst@test.aisle' });
    const [audit] = await db.query<{ action: string; entity_id: string }>(sql`SELECT action, entity_id FROM audit_log WHERE entity = 'report'`);
    expect(audit).toEqual({ action: 'create', entity_id: String(report.id) });
    const list = await app.inject({ method: 'GET', url: '/api/reports', headers: await as('viewer') });
    expect(list.json<{ reports: { id: number }[] }>().reports.map((r) => r.id)).toContain(report.id);

    const xlsx = await app.inject({ method: 'GET', url: `/api/reports/${report.id}/xlsx`, headers: await as('viewer') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="aisle-monthly-2026-03.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('KPIs')?.getCell('B5').value).toBe(9990);

    const pdf = await app.inject({ method: 'GET', url: `/api/reports/${report.id}/pdf`, headers: await as('viewer') });
    expect(pdf.statusCode).toBe(404);
    expect(pdf.json<{ error: { message: string } }>().error.message).toBe(`report ${report.id} was generated without pdf`);
  });

  it('lets a manager hide and reorder sections and write a commentary, audited and shown in the report', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/reports/layout/monthly',
      headers: await as('manager'),
      payload: { order: ['kpis', 'commentary', 'findings'], hidden: ['alerts', 'movers'], commentary: 'Kitchen carried the month.' },
    });
    expect(put.statusCode).toBe(200);
    const { layout } = put.json<{ layout: { order: string[]; hidden: string[] } }>();
    expect(layout.order.slice(0, 4)).toEqual(['kpis', 'commentary', 'findings', 'charts']);
    const preview = await app.inject({ method: 'GET', url: '/api/reports/preview?kind=monthly&period=2026-03', headers: await as('viewer') });
    const html = preview.json<{ html: string }>().html;
    const sections = [...html.matchAll(/<section id="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['kpis', 'commentary', 'findings', 'charts', 'livestreams', 'best_practices', 'seller_map', 'follow_up']);
    expect(html).toContain('Kitchen carried the month.');
    const [audit] = await db.query<{ entity: string; entity_id: string }>(sql`SELECT entity, entity_id FROM audit_log WHERE entity = 'report_layout'`);
    expect(audit).toMatchObject({ entity: 'report_layout', entity_id: 'monthly' });
    const bad = await app.inject({ method: 'PUT', url: '/api/reports/layout/monthly', headers: await as('manager'), payload: { hidden: ['gossip'] } });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a manager switch a schedule on and shows when it runs next', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/reports/schedules/weekly', headers: await as('manager'), payload: { enabled: true, cron: '0 8 * * 1', formats: ['pdf', 'xlsx'] } });
    expect(put.statusCode).toBe(200);
    const { schedule } = put.json<{ schedule: { enabled: boolean; nextRun: string | null } }>();
    expect(schedule.enabled).toBe(true);
    expect(new Date(schedule.nextRun ?? '').getUTCDay()).toBe(1);
    const list = await app.inject({ method: 'GET', url: '/api/reports/schedules', headers: await as('viewer') });
    expect(list.json<{ schedules: { kind: string; enabled: boolean }[] }>().schedules.map((s) => [s.kind, s.enabled])).toEqual([['weekly', true], ['monthly', false]]);
    const bad = await app.inject({ method: 'PUT', url: '/api/reports/schedules/weekly', headers: await as('manager'), payload: { cron: 'mondays' } });
    expect(bad.statusCode).toBe(400);
  });

  it('previews an empty workspace without failing, saying there is no data', async () => {
    const empty = await openMigratedMemoryDb();
    const emptyUsers = await createRoleUsers(empty);
    const emptyApp = await buildApp({ db: empty, dataDir: tmp.dir, webDir: '/nonexistent' });
    try {
      const res = await emptyApp.inject({ method: 'GET', url: '/api/reports/preview?kind=weekly', headers: await sessionHeaders(empty, emptyUsers.viewer) });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ asOf: string | null; findings: unknown[] }>()).toMatchObject({ asOf: null, findings: [] });
    } finally {
      await emptyApp.close();
      await empty.close();
    }
  });
});
