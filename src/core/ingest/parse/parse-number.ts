/**
 * `number` → DOUBLE. Reads thousands separators of any locale, currency around the number,
 * accounting negatives `(12)` and magnitudes (`1.2K`, `3.4M`, `1.2万`, `3亿`, `1.5w`), plus the
 * exponent form Excel writes for big numbers (`1.2E+05`). A lone `1.234` is 1.234 unless the value
 * is in a currency without decimals (`Rp 15.000` is 15000). Guards against reading a percentage or
 * a stray word as a number: anything outside the grammar is `not a number`.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { AMOUNT, LONE_DOT_GROUP, WHOLE_CURRENCY_MARK } from './number-grammar.ts';
import { castText, thousandsOnly } from './numeric-text.ts';
import { shapeChain } from './shape-chain.ts';
import { fullMatch } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

const PLAIN = String.raw`[-+]?(?:\d{1,18}(?:\.\d{1,20})?|\.\d{1,20})(?:[eE][-+]?\d{1,2})?`;

export function parseNumberSql(raw: Sql): ParsedExpr {
  const { value, error } = shapeChain(
    raw,
    [
      { when: fullMatch(raw, PLAIN), value: sql`TRY_CAST(${raw} AS DOUBLE)` },
      {
        when: sql`${fullMatch(raw, LONE_DOT_GROUP)} AND ${fullMatch(raw, WHOLE_CURRENCY_MARK)}`,
        value: sql`TRY_CAST(${thousandsOnly(raw)} AS DOUBLE)`,
      },
      { when: fullMatch(raw, AMOUNT), value: sql`TRY_CAST(${castText(raw)} AS DOUBLE)` },
    ],
    'not a number',
  );
  return { value: sql`CAST(${value} AS DOUBLE)`, error };
}
