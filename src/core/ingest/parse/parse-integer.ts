/**
 * `integer` → BIGINT (counts: views, orders, followers). Same written forms as `number`, and a count
 * cannot have a fraction, so: `1.5` is `not a whole number` (never rounded), a lone `1.234` can only
 * be a thousands group (1234, as Indonesian and European exports write counts), `1.2K` and `1.2万`
 * are 1200 and 12000, and `12.0`, `1.2E+05` or float noise beyond the sixth decimal
 * (`1229.0000000001`) is the whole number Excel meant. Counts above 15 digits (above 12 when
 * written with decimals or a magnitude) are `number out of range`, which also keeps every count
 * exact as a JavaScript number when it is read back.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { AMOUNT, GROUPED_WHOLE, LONE_DOT_GROUP } from './number-grammar.ts';
import { castText, numberCore, signText, thousandsOnly } from './numeric-text.ts';
import { shapeChain, type Shape } from './shape-chain.ts';
import { fullMatch } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

const PLAIN = String.raw`[-+]?\d{1,15}`;
const EXPONENT = String.raw`[-+]?\d{1,18}(?:\.\d{1,20})?[eE][-+]?\d{1,2}`;

/**
 * A shape with decimals or a magnitude, read through exact DECIMAL(18,6) (up to 999,999,999,999;
 * DuckDB parses DECIMAL(38) text a hundred times slower). The BIGINT cast would round `1.5` to 2,
 * so the decimal text of a whole number loses its `.000000` and any other `.` becomes a character
 * no cast accepts — one evaluation of the costly text instead of a separate fraction test.
 */
function wholeShape(when: Sql, text: Sql): Shape {
  const exact = sql`TRY_CAST(${text} AS DECIMAL(18,6))`;
  const whole = sql`TRY_CAST(replace(replace(CAST(${exact} AS VARCHAR), '.000000', ''), '.', '#') AS BIGINT)`;
  const error = sql`(CASE WHEN ${whole} IS NULL THEN
    (CASE WHEN ${exact} IS NULL THEN 'number out of range' ELSE 'not a whole number' END) END)`;
  return { when, value: whole, error };
}

export function parseIntegerSql(raw: Sql): ParsedExpr {
  const grouped = sql`TRY_CAST(${signText(raw)} || regexp_replace(${numberCore(raw)}, '[^0-9]', '', 'g') AS BIGINT)`;
  const { value, error } = shapeChain(
    raw,
    [
      { when: fullMatch(raw, PLAIN), value: sql`TRY_CAST(${raw} AS BIGINT)` },
      { when: fullMatch(raw, GROUPED_WHOLE), value: grouped },
      { when: fullMatch(raw, LONE_DOT_GROUP), value: sql`TRY_CAST(${thousandsOnly(raw)} AS BIGINT)` },
      wholeShape(fullMatch(raw, AMOUNT), castText(raw)),
      wholeShape(fullMatch(raw, EXPONENT), raw),
    ],
    'not a number',
  );
  return { value: sql`CAST(${value} AS BIGINT)`, error };
}
