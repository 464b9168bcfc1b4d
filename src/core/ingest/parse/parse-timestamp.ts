/**
 * `timestamp` → TIMESTAMPTZ. A time written without an offset is a wall-clock time in the import's
 * time zone (ICU `timezone(zone, timestamp)`, so DST is handled by the zone rules, not by a fixed
 * offset); a written offset (`Z`, `+07:00`, `UTC`) and epoch seconds or milliseconds (as the
 * partner API writes them) are absolute instants. A date alone is midnight in the zone. The
 * fast path is ISO `2026-11-23 20:15:00`, the form both exports and the XLSX reader write most.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { atLocalTime } from '../../demo/local-time.sql.ts';
import { dateShapes, type DateShape } from './date-shapes.ts';
import { shapeLocal } from './read-date-shape.ts';
import { errorWhenNull, shapeChain, type Shape } from './shape-chain.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParseContext, ParsedExpr } from './types.ts';

export const NOT_A_TIMESTAMP = 'not a date and time (expected e.g. 2026-11-23 20:15 or 23/11/2026 20:15:30)';

function instantOf(shape: DateShape, raw: Sql, timezone: string): Sql | null {
  if (shape.instant) return shape.instant;
  const local = shapeLocal(shape, raw);
  // In UTC the instant is the wall-clock time's own epoch: integer arithmetic instead of ICU per row.
  return local ? atLocalTime(timezone, local) : null;
}

/** ISO date and time first: it is the common case and must cost one regex test and one cast. */
function fastFirst(shapes: DateShape[]): DateShape[] {
  const fast = shapes.filter((s) => s.name === 'iso-datetime');
  return [...fast, ...shapes.filter((s) => s.name !== 'iso-datetime')];
}

export function parseTimestampSql(raw: Sql, ctx: ParseContext): ParsedExpr {
  const shapes = fastFirst(dateShapes(raw, ctx)).map((shape): Shape => {
    const when = fullMatch(raw, shape.pattern);
    const value = instantOf(shape, raw, ctx.timezone);
    if (shape.refusal !== undefined || value === null) {
      return { when, value: sql`NULL`, error: literal(shape.refusal ?? NOT_A_TIMESTAMP) };
    }
    return { when, value, error: errorWhenNull(value, 'no such date or time') };
  });
  const { value, error } = shapeChain(raw, shapes, NOT_A_TIMESTAMP);
  return { value: sql`CAST(${value} AS TIMESTAMPTZ)`, error };
}
