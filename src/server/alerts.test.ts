import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import type { Role } from '../core/auth/roles.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertAlertSeries } from '../../test/support/alert-series.ts';

interface ApiAlert {
  id: number;
  scope: string;
  scopeLabel: string;
  metric: string;
  severity: string;
  status: string;
  grain: string;
  explanation: { sentence: string; sellers: { name: string }[] } | null;
}

describe('alerts over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let users: Record<Role, number>;
  const as = async (role: Role) => sessionHeaders(db, users[role]);

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    users = await createRoleUsers(db);
    await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15', drop: { seller: 'k1', from: '2026-11-12', factor: 0.2 } });
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('lets managers scan (analysts may not), and everyone read the alerts with their explanation', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/alerts/scan', headers: await as('analyst'), payload: {} });
    expect(refused.statusCode).toBe(403);
    const scan = await app.inject({ method: 'POST', url: '/api/alerts/scan', headers: await as('manager'), payload: {} });
    expect(scan.statusCode).toBe(200);
    expect(scan.json()).toMatchObject({ scan: { asOf: '2026-11-15', judged: { from: '2026-11-09', to: '2026-11-15' }, reason: 'manual' } });

    const list = await app.inject({ url: '/api/alerts', headers: await as('viewer') });
    expect(list.statusCode).toBe(200);
    const body = list.json<{ alerts: ApiAlert[]; total: number; counts: { open: number }; lastScan: { reason: string }; currency: string }>();
    expect(body.total).toBe(body.alerts.length);
    expect(body.counts.open).toBe(body.total);
    expect(body).toMatchObject({ lastScan: { reason: 'manual' }, currency: 'USD' });
    expect(body.alerts[0]).toMatchObject({ severity: 'critical', status: 'new' });
    const category = body.alerts.find((a) => a.scope === 'category' && a.metric === 'gmv' && a.grain === 'day');
    expect(category?.explanation?.sellers[0]?.name).toBe('Kitchen King');

    const page = await app.inject({ url: '/api/alerts?limit=1&offset=1&severity=critical', headers: await as('viewer') });
    const paged = page.json<{ alerts: ApiAlert[]; total: number }>();
    expect(paged.alerts).toHaveLength(1);
    expect(paged.alerts[0]?.id).toBe(body.alerts.filter((a) => a.severity === 'critical')[1]?.id);

    const one = await app.inject({ url: `/api/alerts/${category?.id}`, headers: await as('viewer') });
    expect(one.json()).toMatchObject({ alert: { id: category?.id, scopeLabel: 'Whole category' } });
    const missing = await app.inject({ url: '/api/alerts/99999', headers: await as('viewer') });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ url: '/api/alerts?status=closed', headers: await as('viewer') });
    expect(bad.statusCode).toBe(400);
  });

  it('lets analysts acknowledge and resolve (audited), not viewers', async () => {
    const [first] = (await app.inject({ url: '/api/alerts?scope=seller:k1', headers: await as('viewer') })).json<{ alerts: ApiAlert[] }>().alerts;
    if (!first) throw new Error('no alert for seller k1');
    const viewer = await app.inject({ method: 'POST', url: `/api/alerts/${first.id}/acknowledge`, headers: await as('viewer'), payload: {} });
    expect(viewer.statusCode).toBe(403);
    const ack = await app.inject({ method: 'POST', url: `/api/alerts/${first.id}/acknowledge`, headers: await as('analyst'), payload: {} });
    expect(ack.json()).toMatchObject({ alert: { status: 'acknowledged', acknowledgedBy: 'analyst@test.aisle' } });
    const resolved = await app.inject({ method: 'POST', url: `/api/alerts/${first.id}/resolve`, headers: await as('analyst'), payload: {} });
    expect(resolved.json()).toMatchObject({ alert: { status: 'resolved', resolvedBy: 'analyst@test.aisle' } });
    const again = await app.inject({ method: 'POST', url: `/api/alerts/${first.id}/acknowledge`, headers: await as('analyst'), payload: {} });
    expect(again.statusCode).toBe(409);
    const audit = await db.query<{ actor: string; after: { status: string } }>(sql`SELECT actor, after FROM audit_log WHERE entity = 'alert' AND entity_id = ${String(first.id)} ORDER BY id`);
    expect(audit).toEqual([
      { actor: 'analyst@test.aisle', after: { status: 'acknowledged' } },
      { actor: 'analyst@test.aisle', after: { status: 'resolved' } },
    ]);
  });

  it('lets managers edit rules, everyone read them, with clear errors for bad input', async () => {
    const listed = await app.inject({ url: '/api/alert-rules', headers: await as('viewer') });
    expect(listed.json<{ rules: { kind: string; metric: string }[] }>().rules.filter((r) => r.kind === 'anomaly').map((r) => r.metric)).toEqual([
      'gmv', 'orders', 'live_gmv', 'live_sessions', 'live_gmv_share',
    ]);
    const options = await app.inject({ url: '/api/alert-rules/options', headers: await as('viewer') });
    expect(options.json()).toMatchObject({ subcategories: [{ id: 'home_decor', name: 'Home Decor' }, { id: 'kitchen', name: 'Kitchen' }], tiers: ['A'] });

    const rule = { metric: 'gmv', scope: 'subcategory:kitchen', comparator: '<', threshold: 500, grain: 'week' };
    expect((await app.inject({ method: 'POST', url: '/api/alert-rules', headers: await as('analyst'), payload: rule })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/alert-rules', headers: await as('manager'), payload: rule });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ rule: { id: number } }>().rule;
    expect(created.json()).toMatchObject({ rule: { name: 'GMV of Kitchen below $500 in a week', scopeLabel: 'Kitchen', enabled: true, createdBy: 'manager@test.aisle' } });

    const unknown = await app.inject({ method: 'POST', url: '/api/alert-rules', headers: await as('manager'), payload: { ...rule, metric: 'revenue' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { message: 'unknown metric "revenue"' } });
    const noScope = await app.inject({ method: 'POST', url: '/api/alert-rules', headers: await as('manager'), payload: { ...rule, scope: 'subcategory:garden' } });
    expect(noScope.json()).toMatchObject({ error: { message: 'no subcategory "garden" in this workspace' } });

    const disabled = await app.inject({ method: 'PATCH', url: `/api/alert-rules/${id}`, headers: await as('manager'), payload: { enabled: false } });
    expect(disabled.json()).toMatchObject({ rule: { id, enabled: false } });
    const anomaly = listed.json<{ rules: { id: number; kind: string }[] }>().rules.find((r) => r.kind === 'anomaly');
    const refusedDelete = await app.inject({ method: 'DELETE', url: `/api/alert-rules/${anomaly?.id}`, headers: await as('manager') });
    expect(refusedDelete.statusCode).toBe(422);
    const deleted = await app.inject({ method: 'DELETE', url: `/api/alert-rules/${id}`, headers: await as('manager') });
    expect(deleted.statusCode).toBe(204);
    const audit = await db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'alert_rule' AND entity_id = ${String(id)} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('shows the campaign calendar to everyone and lets managers add their own days', async () => {
    const calendar = await app.inject({ url: '/api/campaign-days?from=2026-11-01&to=2026-12-31', headers: await as('viewer') });
    expect(calendar.json<{ days: { date: string; label: string; source: string }[] }>().days).toEqual(
      expect.arrayContaining([
        { date: '2026-11-11', label: '11.11', source: 'built_in' },
        { date: '2026-11-27', label: 'Black Friday', source: 'built_in' },
      ]),
    );
    const payload = { days: [{ date: '2026-12-20', label: 'Brand day' }] };
    expect((await app.inject({ method: 'PUT', url: '/api/campaign-days', headers: await as('analyst'), payload })).statusCode).toBe(403);
    const saved = await app.inject({ method: 'PUT', url: '/api/campaign-days', headers: await as('manager'), payload });
    expect(saved.json()).toEqual({ extra: [{ date: '2026-12-20', label: 'Brand day' }] });
    const after = await app.inject({ url: '/api/campaign-days?from=2026-12-01&to=2026-12-31', headers: await as('viewer') });
    expect(after.json<{ days: { date: string; source: string }[] }>().days).toContainEqual({ date: '2026-12-20', label: 'Brand day', source: 'extra' });
    const bad = await app.inject({ method: 'PUT', url: '/api/campaign-days', headers: await as('manager'), payload: { days: [{ date: '2026-02-30' }] } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('alert scans after an import', () => {
  it('runs a scan in the background once an import has loaded rows', async () => {
    const tmp = await makeTempDir();
    const db = await openMigratedMemoryDb();
    const users = await createRoleUsers(db);
    const app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent' });
    try {
      const analyst = await sessionHeaders(db, users.analyst);
      const boundary = '----aisle-alerts-boundary';
      const csv = 'date,seller_id,gmv,orders\n2026-11-10,s1,100.00,4\n2026-11-11,s1,120.00,5\n';
      const upload = await app.inject({
        method: 'POST',
        url: '/api/imports/uploads',
        headers: { ...analyst, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="daily.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      });
      const { uploadId } = upload.json<{ uploadId: string }>();
      const loaded = await app.inject({ method: 'POST', url: '/api/imports', headers: analyst, payload: { uploadId, kind: 'seller_daily' } });
      expect(loaded.json()).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
      await app.alertRunner.idle();
      const [scan] = await db.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'alerts.last_scan'`);
      expect(JSON.parse(scan?.value ?? '{}')).toMatchObject({ reason: 'import', asOf: '2026-11-11' });
    } finally {
      await app.close();
      await db.close();
      await tmp.remove();
    }
  });
});
