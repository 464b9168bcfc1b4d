import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import type { Role } from '../core/auth/roles.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

function multipart(fileName: string, content: string) {
  const boundary = '----aisle-targets-boundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('targets over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let users: Record<Role, number>;
  const as = (role: Role) => sessionHeaders(db, users[role]);
  const stored = async () => db.query<{ metric: string; scope: string; period: string; value: number }>(sql`SELECT metric, scope, period, value FROM kpi_targets ORDER BY ALL`);

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent', maxUploadBytes: 4096 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('lets a manager set targets and everyone read them with progress; an analyst gets 403 on PUT', async () => {
    const rows = [
      { metric: 'gmv', period: '2026-11', value: 3000 },
      { metric: 'orders', scope: 'seller:s2', period: '2026-11', value: 20 },
    ];
    const analyst = await app.inject({ method: 'PUT', url: '/api/targets', headers: await as('analyst'), payload: { rows } });
    expect(analyst.statusCode).toBe(403);
    expect(await stored()).toEqual([]);

    const put = await app.inject({ method: 'PUT', url: '/api/targets', headers: await as('manager'), payload: { rows } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ created: 2, updated: 0 });

    const list = await app.inject({ method: 'GET', url: '/api/targets?period=2026-11', headers: await as('viewer') });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ targets: { metric: string; scopeLabel: string; value: number; updatedBy: string }[] }>().targets.map((t) => [t.metric, t.scopeLabel, t.value, t.updatedBy])).toEqual([
      ['gmv', 'Whole category', 3000, 'manager@test.aisle'],
      ['orders', 'Glow Lab', 20, 'manager@test.aisle'],
    ]);

    const progress = await app.inject({ method: 'GET', url: '/api/targets/progress?period=2026-11', headers: await as('viewer') });
    expect(progress.statusCode).toBe(200);
    const report = progress.json<{ asOf: string; items: { metric: string; actual: number; projection: number; status: string }[] }>();
    expect(report.asOf).toBe('2026-11-16');
    expect(report.items.map((i) => [i.metric, i.actual, i.projection, i.status])).toEqual([
      ['gmv', 1450.5, 2719.6875, 'behind'],
      ['orders', 11, 20.625, 'on_track'],
    ]);
  });

  it('offers the metrics, subcategories, tiers and the month of the latest data to everyone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/targets/options', headers: await as('viewer') });
    expect(res.statusCode).toBe(200);
    const options = res.json<{ metrics: { name: string; additive: boolean }[]; subcategories: unknown[]; tiers: string[]; latestDay: string; defaultMonth: string; defaultWeek: string }>();
    expect(options.metrics.find((m) => m.name === 'gmv')?.additive).toBe(true);
    expect(options.metrics.find((m) => m.name === 'aov')?.additive).toBe(false);
    expect(options.subcategories).toEqual([
      { id: 'kitchen', name: 'Kitchen', parentName: 'Home & Living' },
      { id: 'skin_care', name: 'Skin care', parentName: 'Personal Care' },
    ]);
    expect(options).toMatchObject({ tiers: ['A', 'B'], latestDay: '2026-11-16', defaultMonth: '2026-11', defaultWeek: '2026-W47' });
  });

  it('answers bad rows with 400 and every row error, writing nothing', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/targets',
      headers: await as('admin'),
      payload: { rows: [{ metric: 'gmv', period: '2026-12', value: 1 }, { metric: 'nope', period: '2026-12', value: 1 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { errors: unknown[] } } }>().error.details.errors).toEqual([
      { row: 2, column: 'metric', value: 'nope', message: 'not a metric in the catalog' },
    ]);
    expect((await stored()).map((t) => t.period)).toEqual(['2026-11', '2026-11']);
  });

  it('deletes by query or body key, 404 when absent, 403 for a viewer', async () => {
    const viewer = await app.inject({ method: 'DELETE', url: '/api/targets?metric=gmv&period=2026-11', headers: await as('viewer') });
    expect(viewer.statusCode).toBe(403);
    const byQuery = await app.inject({ method: 'DELETE', url: '/api/targets?metric=gmv&period=2026-11', headers: await as('manager') });
    expect(byQuery.statusCode, byQuery.body).toBe(204);
    const byBody = await app.inject({ method: 'DELETE', url: '/api/targets', headers: await as('manager'), payload: { metric: 'orders', scope: 'seller:s2', period: '2026-11' } });
    expect(byBody.statusCode).toBe(204);
    expect(await stored()).toEqual([]);
    const again = await app.inject({ method: 'DELETE', url: '/api/targets?metric=gmv&period=2026-11', headers: await as('manager') });
    expect(again.statusCode).toBe(404);
    const noKey = await app.inject({ method: 'DELETE', url: '/api/targets', headers: await as('manager') });
    expect(noKey.statusCode).toBe(400);
  });

  it('imports a sheet upload for a manager, reports row errors, refuses analysts and too-large files, and keeps no upload', async () => {
    const good = multipart('plan.csv', 'Metric,Month,Tier,Target\ngmv,2026-12,,5000\nlive_gmv_share,2026-12,A,12.5%\n');
    const refused = await app.inject({ method: 'POST', url: '/api/targets/import', headers: { ...(await as('analyst')), ...good.headers }, payload: good.payload });
    expect(refused.statusCode).toBe(403);

    const res = await app.inject({ method: 'POST', url: '/api/targets/import', headers: { ...(await as('manager')), ...good.headers }, payload: good.payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ file: 'plan.csv', created: 2, updated: 0, rowsRead: 2 });
    expect(await stored()).toEqual([
      { metric: 'gmv', scope: 'category', period: '2026-12', value: 5000 },
      { metric: 'live_gmv_share', scope: 'seller_tier:A', period: '2026-12', value: 0.125 },
    ]);

    const bad = multipart('bad.csv', 'metric,period,value\ngmv,2026-12,lots\n');
    const badRes = await app.inject({ method: 'POST', url: '/api/targets/import', headers: { ...(await as('manager')), ...bad.headers }, payload: bad.payload });
    expect(badRes.statusCode).toBe(400);
    expect(badRes.json<{ error: { details: { errors: unknown[] } } }>().error.details.errors).toEqual([{ row: 2, column: 'value', value: 'lots', message: 'not a number' }]);

    const big = multipart('big.csv', `metric,period,value\n${'gmv,2026-12,1\n'.repeat(400)}`);
    const bigRes = await app.inject({ method: 'POST', url: '/api/targets/import', headers: { ...(await as('manager')), ...big.headers }, payload: big.payload });
    expect(bigRes.statusCode).toBe(413);
    expect(bigRes.json()).toMatchObject({ error: { code: 'too_large' } });
    expect(await readdir(path.join(tmp.dir, 'uploads')).catch(() => [])).toEqual([]);
  });
});
