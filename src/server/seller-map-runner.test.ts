import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { getLastRecompute } from '../core/sellers/segments/index.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { insertSellers } from '../../test/support/seller-map-data.ts';
import type { RunnerLog } from './alert-runner.ts';
import { SellerMapRunner } from './seller-map-runner.ts';

function recorder(): RunnerLog & { infos: object[]; errors: object[] } {
  const infos: object[] = [];
  const errors: object[] = [];
  return { infos, errors, info: (o) => infos.push(o), error: (o) => errors.push(o) };
}

let db: Database;
let runner: SellerMapRunner | undefined;
afterEach(async () => {
  await runner?.close();
  await db.close();
});

describe('SellerMapRunner', () => {
  it('catches up at start when segments were never computed, then only daily', async () => {
    db = await openMigratedMemoryDb();
    await insertSellers(db, [{ id: 'a', gmv: [{ back: [20, 0], gmv: 100 }] }]);
    runner = new SellerMapRunner(db, recorder());
    await runner.startSchedule(new Date());
    await runner.idle();
    expect(await getLastRecompute(db)).toMatchObject({ reason: 'catch-up', sellers: 1 });
    const [row] = await db.query(sql`SELECT tier, lifecycle, live_status FROM seller_segments WHERE seller_id = 'a'`);
    expect(row).toEqual({ tier: 'S', lifecycle: 'new', live_status: 'never' });
    await runner.close();
    runner = new SellerMapRunner(db, recorder());
    await runner.startSchedule(new Date());
    await runner.idle();
    expect(await getLastRecompute(db)).toMatchObject({ reason: 'catch-up' });
  });

  it('folds requests during a recompute into one more, and logs a failure without throwing', async () => {
    db = await openMigratedMemoryDb();
    await insertSellers(db, [{ id: 'a', gmv: [{ back: [30, 0], gmv: 100 }] }]);
    const log = recorder();
    runner = new SellerMapRunner(db, log);
    runner.request('import');
    runner.request('import');
    runner.request('import');
    await runner.idle();
    expect(log.infos).toHaveLength(2);
    await db.exec('DROP TABLE opportunities');
    expect(() => runner?.request('import')).not.toThrow();
    await runner.idle();
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ reason: 'import' });
  });
});
