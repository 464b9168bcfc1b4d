/**
 * `money` → DECIMAL(18,2). Same written forms as `number`; the cast from text rounds exactly to
 * cents (half away from zero), so float noise such as `11674555.880000001` becomes 11674555.88
 * and `0,125` becomes 0.13.
 * A lone `1.234` is refused as ambiguous — no currency has three decimals, and reading it as
 * 1.23 would silently lose a factor of a thousand for IDR/VND exports — unless the value carries
 * Rp, IDR, VND or ₫, whose amounts have no decimals, so `Rp 15.000` is 15000.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { AMOUNT, LONE_DOT_GROUP, WHOLE_CURRENCY_MARK } from './number-grammar.ts';
import { castText, thousandsOnly } from './numeric-text.ts';
import { errorWhenNull, shapeChain } from './shape-chain.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

/** Up to 16 integer digits always fit DECIMAL(18,2); three decimals go to the ambiguity check. */
const PLAIN = String.raw`[-+]?\d{1,16}(?:\.(?:\d{1,2}|\d{4,20}))?`;
const AMBIGUOUS = 'ambiguous amount: write 1234 or 1.23 (thousands dot or three decimals?)';

export function parseMoneySql(raw: Sql): ParsedExpr {
  const amount = sql`TRY_CAST(${castText(raw)} AS DECIMAL(18,2))`;
  const { value, error } = shapeChain(
    raw,
    [
      { when: fullMatch(raw, PLAIN), value: sql`TRY_CAST(${raw} AS DECIMAL(18,2))` },
      {
        when: sql`${fullMatch(raw, LONE_DOT_GROUP)} AND ${fullMatch(raw, WHOLE_CURRENCY_MARK)}`,
        value: sql`TRY_CAST(${thousandsOnly(raw)} AS DECIMAL(18,2))`,
      },
      { when: fullMatch(raw, LONE_DOT_GROUP), value: sql`NULL`, error: literal(AMBIGUOUS) },
      { when: fullMatch(raw, AMOUNT), value: amount, error: errorWhenNull(amount, 'number out of range') },
    ],
    'not a number',
  );
  return { value: sql`CAST(${value} AS DECIMAL(18,2))`, error };
}
