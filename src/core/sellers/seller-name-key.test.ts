import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { sellerNameKey, sellerNameKeySql } from './seller-name-key.ts';

describe('seller name key', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
  });
  afterAll(() => db.close());

  it.each([
    ['Casa-Rapi  Official', 'casa rapi official'],
    ['  CASA rapi official!! ', 'casa rapi official'],
    ['美妆 小店', '美妆 小店'],
    ['Cửa Hàng Đẹp', 'cửa hàng đẹp'],
    ['ร้านสวย', 'ร้านสวย'],
  ])('%s → %s in SQL and in TypeScript alike', async (name, key) => {
    const [row] = await db.query<{ k: string }>(sql`SELECT ${sellerNameKeySql(sql`${name}`)} AS k`);
    expect(row?.k).toBe(key);
    expect(sellerNameKey(name)).toBe(key);
  });
});
