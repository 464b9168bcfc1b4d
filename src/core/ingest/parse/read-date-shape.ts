/**
 * How a date shape becomes a DATE or a wall-clock TIMESTAMP: shapes that only know their date
 * part (`day`) are given the text without its time, and for timestamps the time of day is added.
 * Kept apart from the shape list so both parsers combine the parts the same way.
 */
import { sql, type Sql } from '../../db/sql.ts';
import type { DateShape } from './date-shapes.ts';
import { fullMatch } from './sql-pattern.ts';
import { HAS_TIME, textBeforeTime, timeOfDay } from './time-of-day.ts';

/** The DATE as written (an instant without a written date is placed in `timezone`). */
export function shapeDate(shape: DateShape, raw: Sql, timezone: string): Sql | null {
  const text = sql`trim(${raw})`;
  if (shape.date) return shape.date;
  if (shape.day) {
    return sql`(CASE WHEN ${fullMatch(raw, HAS_TIME)} THEN ${shape.day(textBeforeTime(text))} ELSE ${shape.day(text)} END)`;
  }
  if (shape.local) return sql`CAST(${shape.local} AS DATE)`;
  if (shape.instant) return sql`CAST(timezone(${timezone}, ${shape.instant}) AS DATE)`;
  return null;
}

/** The wall-clock TIMESTAMP written, or null for shapes that are instants or refusals. */
export function shapeLocal(shape: DateShape, raw: Sql): Sql | null {
  const text = sql`trim(${raw})`;
  if (shape.local) return shape.local;
  if (shape.day) {
    return sql`(CASE WHEN ${fullMatch(raw, HAS_TIME)} THEN ${shape.day(textBeforeTime(text))} + ${timeOfDay(raw, text)}
      ELSE CAST(${shape.day(text)} AS TIMESTAMP) END)`;
  }
  if (shape.date) return sql`CAST(${shape.date} AS TIMESTAMP)`;
  return null;
}
