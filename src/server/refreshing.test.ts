import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

interface Tiles {
  refreshing: boolean;
  kpis: { metric: string; value: number | null }[];
}

/**
 * `aisle serve` answers a page with its previous figures, marked refreshing, when the figures after
 * a data change are not ready within its wait (here 0 ms: never ready in time), and with the new
 * ones as soon as they are; the web app asks again while `refreshing` is true.
 */
describe('pages answered with the previous figures while new ones are computed', () => {
  let db: Database;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  const get = async <T>(url: string) => (await app.inject({ method: 'GET', url, headers })).json<T>();
  const gmv = (body: Tiles) => body.kpis.find((k) => k.metric === 'gmv')?.value;
  const until = async <T>(url: string, done: (body: T) => boolean): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const body = await get<T>(url);
      if (done(body)) return body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${url} never settled`);
  };

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    headers = await sessionHeaders(db, (await createRoleUsers(db)).viewer);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent', staleAfterMs: 0 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('the Overview: previous tiles marked refreshing right after new facts, then the new tiles', async () => {
    const url = '/api/overview?period=custom&from=2026-11-10&to=2026-11-16&compare=previous';
    const first = await get<Tiles>(url);
    expect(first.refreshing).toBe(false);
    const before = gmv(first);
    expect(before).toBeGreaterThan(0);

    await db.run(sql`INSERT INTO seller_days (seller_id, date, source, gmv, orders) VALUES ('s1', DATE '2026-11-12', 'import', 1000, 1)`);
    const during = await get<Tiles>(url);
    expect(during.refreshing).toBe(true);
    expect(gmv(during)).toBe(before);
    const after = await until<Tiles>(url, (body) => !body.refreshing);
    expect(gmv(after)).toBe((before ?? 0) + 1000);
  });

  it('the seller page figures: the same, per seller and period', async () => {
    const url = '/api/sellers/s1/performance?from=2026-11-12&to=2026-11-12';
    const first = await get<Tiles>(url);
    expect([first.refreshing, gmv(first)]).toEqual([false, 1000]);
    await db.run(sql`DELETE FROM seller_days WHERE seller_id = 's1' AND date = DATE '2026-11-12'`);
    expect(await get<Tiles>(url)).toMatchObject({ refreshing: true, kpis: expect.arrayContaining([expect.objectContaining({ metric: 'gmv', value: 1000 })]) });
    expect(gmv(await until<Tiles>(url, (body) => !body.refreshing))).toBe(0);
  });

  it('the Sellers grid: rows from the previous figures marked refreshing, then the new ones', async () => {
    interface Grid {
      refreshing: boolean;
      rows: { id: string; gmv: number }[];
    }
    const url = '/api/sellers?from=2026-11-10&to=2026-11-16&sort=gmv&dir=desc';
    const gmvOf = (body: Grid) => body.rows.find((r) => r.id === 's2')?.gmv;
    const first = await get<Grid>(url);
    expect(first.refreshing).toBe(false);
    const before = gmvOf(first);
    await db.run(sql`INSERT INTO seller_days (seller_id, date, source, gmv, orders) VALUES ('s2', DATE '2026-11-13', 'import', 500, 1)`);
    const during = await get<Grid>(url);
    expect([during.refreshing, gmvOf(during)]).toEqual([true, before]);
    const after = await until<Grid>(url, (body) => !body.refreshing);
    expect(gmvOf(after)).toBe((before ?? 0) + 500);
  });
});

