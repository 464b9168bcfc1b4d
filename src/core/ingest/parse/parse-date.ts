/**
 * `date` → DATE. Reads every shape in `date-shapes.ts`; a value with a time keeps the date as
 * written (`2026-11-23T00:00:00.000Z` from the XLSX reader is the 23rd, whatever the zone), and only
 * an epoch number, which has no written date, is placed in the import's time zone. Ambiguous
 * day/month orders and missing years are refused with the option that settles them.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { dateShapes } from './date-shapes.ts';
import { shapeDate } from './read-date-shape.ts';
import { errorWhenNull, shapeChain, type Shape } from './shape-chain.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParseContext, ParsedExpr } from './types.ts';

export const NOT_A_DATE = 'not a date (expected e.g. 2026-11-23 or 23/11/2026)';

export function parseDateSql(raw: Sql, ctx: ParseContext): ParsedExpr {
  const shapes = dateShapes(raw, ctx).map((shape): Shape => {
    const when = fullMatch(raw, shape.pattern);
    const value = shapeDate(shape, raw, ctx.timezone);
    if (shape.refusal !== undefined || value === null) {
      return { when, value: sql`NULL`, error: literal(shape.refusal ?? NOT_A_DATE) };
    }
    return { when, value, error: errorWhenNull(value, 'no such date') };
  });
  const { value, error } = shapeChain(raw, shapes, NOT_A_DATE);
  return { value: sql`CAST(${value} AS DATE)`, error };
}
