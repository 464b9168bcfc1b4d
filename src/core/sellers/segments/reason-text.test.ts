import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { countText, moneyText, percentText } from './reason-text.sql.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(async () => {
  await db.close();
});

async function text(expr: ReturnType<typeof sql>): Promise<string> {
  const [row] = await db.query<{ t: string }>(sql`SELECT ${expr} AS t`);
  return row?.t ?? '';
}

describe('reason text in SQL', () => {
  it('writes money compactly with the currency symbol', async () => {
    expect(await text(moneyText(sql`CAST(12345678.9 AS DECIMAL(18,2))`, 'IDR'))).toBe('Rp 12.3M');
    expect(await text(moneyText(sql`2000000.0`, 'USD'))).toBe('$2M');
    expect(await text(moneyText(sql`950.4`, 'MYR'))).toBe('RM 950');
    expect(await text(moneyText(sql`1500`, 'KRW'))).toBe('KRW 1.5K');
    expect(await text(moneyText(sql`2.5e9`, 'USD'))).toBe('$2.5B');
    expect(await text(moneyText(sql`NULL::DOUBLE`, 'USD'))).toBe('—');
  });

  it('writes fractions as percentages and counts with separators', async () => {
    expect(await text(percentText(sql`0.184`))).toBe('18%');
    expect(await text(percentText(sql`-0.7`))).toBe('-70%');
    expect(await text(percentText(sql`0.004`))).toBe('0.4%');
    expect(await text(countText(sql`1480`))).toBe('1,480');
  });
});
