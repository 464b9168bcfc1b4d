import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { parseValueSql } from '../parse/parse-value.ts';
import { VALUE_TYPES } from '../parse/types.ts';
import { VALUE_SQL_TYPES } from './build-parsed.sql.ts';
import { createNarrow, dropNarrow } from './narrow-table.sql.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('narrow tables behind a view', () => {
  it('knows the type every value parser returns, so a field without a column is a NULL of that type', async () => {
    for (const type of VALUE_TYPES) {
      const value = parseValueSql(type, sql`NULL::VARCHAR`, { dateOrder: null, year: null, timezone: 'UTC' }).value;
      const [row] = await db.query<{ t: string }>(sql`SELECT typeof(${value}) AS t`);
      expect([type, row?.t]).toEqual([type, VALUE_SQL_TYPES[type]]);
    }
  });

  it('stores the columns that hold data and shows the constant ones through the view, in order', async () => {
    await db.withConnection(async (executor) => {
      await createNarrow(executor, 'parsed', [{ name: 'row_no' }, { name: 'amount', constant: sql`CAST(NULL AS DECIMAL(18,2))` }, { name: 'order_id' }],
        sql`SELECT 1 AS row_no, 'A-1' AS order_id`);
      expect(await executor.query(sql`SELECT * FROM parsed`)).toEqual([{ row_no: 1, amount: null, order_id: 'A-1' }]);
      const stored = await executor.query<{ column_name: string }>(sql`SELECT column_name FROM duckdb_columns() WHERE table_name = 'parsed_rows' ORDER BY column_index`);
      expect(stored.map((c) => c.column_name)).toEqual(['row_no', 'order_id']);
      await dropNarrow(executor, 'parsed');
      expect(await executor.query(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'parsed_rows'`)).toEqual([{ n: 0 }]);
    });
  });
});
