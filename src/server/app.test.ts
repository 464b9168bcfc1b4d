import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { queryMetrics } from '../core/metrics/query-metrics.ts';
import { buildApp } from './app.ts';
import { sql } from '../core/db/sql.ts';
import { loadMigrations } from '../core/db/migrate.ts';
import { openMigratedMemoryDb, makeTempDir } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

describe('server on an empty workspace', () => {
  let db: Database;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    headers = await sessionHeaders(db, (await createRoleUsers(db)).viewer);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers /api/health with the schema version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers });
    expect(res.statusCode).toBe(200);
    const latest = (await loadMigrations()).at(-1)?.version;
    expect(res.json()).toMatchObject({ status: 'ok', schemaVersion: latest });
  });

  it('gives an honest empty overview rather than zeros', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/overview', headers });
    expect(res.json()).toMatchObject({ asOf: null, kpis: [], trend: [], currency: 'USD', timezone: 'UTC' });
  });

  it('explains how to build the web app when it is missing', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/npm run build/);
  });

  it('sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json', headers });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ paths: object }>().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/overview', '/api/metrics']));
  });

  it('declares a permission on every /api route', () => {
    const api = app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThanOrEqual(3);
    for (const route of api) expect(route.permission, `${route.method} ${route.url}`).toBeDefined();
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope', headers });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { message: 'no route GET /api/nope' } });
  });
});

describe('server with data', () => {
  let db: Database;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    headers = await sessionHeaders(db, (await createRoleUsers(db)).viewer);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers /api/overview from the metric catalog, for a period against a comparison', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/overview?period=last_7_days&compare=previous', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ asOf: string; current: { from: string; to: string }; comparisonRange: { from: string; to: string }; kpis: { metric: string; value: number; comparison: number }[] }>();
    expect(body.asOf).toBe('2026-11-16');
    expect(body.current).toEqual({ from: '2026-11-10', to: '2026-11-16' });
    expect(body.comparisonRange).toEqual({ from: '2026-11-03', to: '2026-11-09' });
    const metrics = body.kpis.map((k) => k.metric);
    const [now, before] = await Promise.all([
      queryMetrics(db, { metrics, ...body.current }),
      queryMetrics(db, { metrics, ...body.comparisonRange }),
    ]);
    for (const tile of body.kpis) {
      expect(tile.value, tile.metric).toBe(now.rows[0]?.[tile.metric]);
      expect(tile.comparison, tile.metric).toBe(before.rows[0]?.[tile.metric]);
    }
  });

  it('reuses the overview only while the data is unchanged', async () => {
    const url = '/api/overview?period=month&compare=target';
    const gmvTarget = (body: { kpis: { metric: string; target: number | null }[] }) => body.kpis.find((k) => k.metric === 'gmv')?.target;
    expect(gmvTarget((await app.inject({ method: 'GET', url, headers })).json())).toBeNull();
    await db.run(sql`INSERT INTO kpi_targets (metric, scope, period, value) VALUES ('gmv', 'category', '2026-11', 3000)`);
    try {
      // Nov 1–16 of a 3,000 month: 1,600.
      expect(gmvTarget((await app.inject({ method: 'GET', url, headers })).json())).toBe(1600);
    } finally {
      await db.run(sql`DELETE FROM kpi_targets`);
    }
    expect(gmvTarget((await app.inject({ method: 'GET', url, headers })).json())).toBeNull();
  });

  it('downloads the subcategory breakdown as an Excel workbook', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/overview/breakdown.xlsx?period=month', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="aisle-subcategories-2026-11-01-2026-11-16.xlsx"');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the metric catalog with definitions', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/metrics/catalog', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ metrics: { name: string; description: string }[]; dimensions: { name: string }[] }>();
    expect(body.metrics.find((m) => m.name === 'seller_adoption_rate')?.description).toMatch(/at least one livestream/);
    expect(body.dimensions.map((d) => d.name)).toContain('channel');
  });

  it('answers /api/metrics with the same shape as aisle query --format json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/metrics?metrics=gmv,orders&by=category&from=2026-11-01&to=2026-11-30', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      metrics: ['gmv', 'orders'],
      by: ['category'],
      grain: null,
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        { category: 'home_living', gmv: 400, orders: 10 },
        { category: 'personal_care', gmv: 1050.5, orders: 11 },
      ],
    });
  });

  it('refuses bad requests with a message that names the problem and what to do', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/metrics?metrics=revenue&from=2026-11-01&to=2026-11-30', headers });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { message: 'unknown metric "revenue"', hint: expect.stringContaining('gmv') } });
    const badDate = await app.inject({ method: 'GET', url: '/api/metrics?metrics=gmv&from=yesterday&to=2026-11-30', headers });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<{ error: { message: string } }>().error.message).toMatch(/from.*YYYY-MM-DD/);
    const badPeriod = await app.inject({ method: 'GET', url: '/api/overview?period=fortnight', headers });
    expect(badPeriod.statusCode).toBe(400);
    const badCustom = await app.inject({ method: 'GET', url: '/api/overview?period=custom&from=2026-11-10', headers });
    expect(badCustom.statusCode).toBe(400);
    expect(badCustom.json<{ error: { message: string } }>().error.message).toMatch(/custom period needs from and to/);
  });

  it('keeps SQL in filter values inert', async () => {
    const where = encodeURIComponent("region=Jakarta' OR '1'='1");
    const res = await app.inject({ method: 'GET', url: `/api/metrics?metrics=gmv&from=2026-11-01&to=2026-11-30&where=${where}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ rows: unknown[] }>().rows).toEqual([{ gmv: 0 }]);
  });
});

describe('serving the built web app', () => {
  it('serves files and falls back to index.html for client routes, never for /api', async () => {
    const tmp = await makeTempDir();
    const webDir = path.join(tmp.dir, 'web');
    await mkdir(path.join(webDir, 'assets'), { recursive: true });
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Aisle</title>');
    await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const db = await openMigratedMemoryDb();
    const app = await buildApp({ db, dataDir: tmp.dir, webDir: `${webDir}/` });
    try {
      expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
      const route = await app.inject('/sellers/s1');
      expect(route.statusCode).toBe(200);
      expect(route.body).toContain('<title>Aisle</title>');
      expect((await app.inject('/api/unknown')).statusCode).toBe(404);
      expect((await app.inject('/../../etc/passwd')).body).not.toContain('root:');
    } finally {
      await app.close();
      await db.close();
      await tmp.remove();
    }
  });
});
