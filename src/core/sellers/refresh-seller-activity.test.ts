import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { refreshSellerActivity } from './refresh-seller-activity.ts';

let db: Database;

async function seen(): Promise<Record<string, [string | null, string | null]>> {
  const rows = await db.query<{ id: string; first_seen: string | null; last_seen: string | null }>(
    sql`SELECT id, first_seen, last_seen FROM sellers ORDER BY id`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, [r.first_seen, r.last_seen]]));
}

beforeEach(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  await db.exec(`
    INSERT INTO sellers (id, name, name_key, first_seen, last_seen) VALUES
      ('lines', 'Lines', 'lines', NULL, NULL),
      ('mixed', 'Mixed', 'mixed', NULL, NULL),
      ('zero', 'Zero', 'zero', NULL, NULL),
      ('stale', 'Stale', 'stale', '2020-01-01', '2020-01-02');
    INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, amount) VALUES
      ('o1', 1, '2026-03-05 10:00:00+00', '2026-03-05', 'completed', 'lines', 1),
      ('o2', 1, '2026-03-09 10:00:00+00', '2026-03-09', 'completed', 'lines', 1),
      ('o3', 1, '2026-03-10 10:00:00+00', '2026-03-10', 'completed', 'mixed', 1);
    INSERT INTO seller_days (seller_id, date, source, gmv, orders) VALUES
      ('mixed', '2026-02-20', 'import', 50, 2),
      ('zero', '2026-02-01', 'import', 0, 0);
    INSERT INTO livestreams (id, seller_id, started_at, start_date) VALUES
      ('L1', 'mixed', '2026-03-20 12:00:00+00', '2026-03-20');`);
});

afterEach(async () => {
  await db.close();
});

describe('refreshSellerActivity', () => {
  it('takes the first and last day across order lines, sold seller-days and livestreams', async () => {
    await refreshSellerActivity(db);
    expect(await seen()).toEqual({
      lines: ['2026-03-05', '2026-03-09'],
      mixed: ['2026-02-20', '2026-03-20'],
      // A seller-day with no sales is not activity; a seller without activity has no dates.
      zero: [null, null],
      stale: [null, null],
    });
  });

  it('touches only the sellers asked for and reports the rows it changed', async () => {
    expect(await refreshSellerActivity(db, ['lines'])).toBe(1);
    expect(await seen()).toMatchObject({
      lines: ['2026-03-05', '2026-03-09'],
      mixed: [null, null],
      stale: ['2020-01-01', '2020-01-02'],
    });
    expect(await refreshSellerActivity(db, ['lines'])).toBe(0);
    expect(await refreshSellerActivity(db, [])).toBe(0);
  });
});
