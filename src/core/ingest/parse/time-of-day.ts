/**
 * The time written after a date (`20:15`, `20:15:30.5`, `8:05 PM`), split off with cheap string
 * functions around the first `:` rather than regex captures: the date shapes have already checked
 * that the text is exactly one date, a space and one time. AM/PM goes through strptime with the
 * one format that fits (a failed strptime attempt costs ten times a successful one).
 */
import { sql, type Sql } from '../../db/sql.ts';
import { WS } from './blank.ts';
import { fullMatch } from './sql-pattern.ts';

export const HAS_TIME = String.raw`.*\d:[0-5]\d.*`;
const HAS_MERIDIEM = String.raw`.*\d *(?i:am|pm)${WS}*`;
const HAS_SECONDS = String.raw`.*\d:[0-5]\d:[0-5]\d.*`;

/** `23/11/2026 20:15` → `23/11/2026` (the hour's digits and the space before it dropped). */
export function textBeforeTime(text: Sql): Sql {
  return sql`trim(rtrim(left(${text}, strpos(${text}, ':') - 1), '0123456789'))`;
}

function textOfTime(text: Sql): Sql {
  return sql`substr(${text}, strpos(${text}, ':') - 2)`;
}

/** The TIME written in the text (which must contain one, see HAS_TIME). */
export function timeOfDay(raw: Sql, text: Sql): Sql {
  const meridiem = sql`replace(upper(${textOfTime(text)}), ' ', '')`;
  return sql`(CASE WHEN ${fullMatch(raw, HAS_MERIDIEM)} THEN CAST((CASE WHEN ${fullMatch(raw, HAS_SECONDS)}
      THEN try_strptime(${meridiem}, '%I:%M:%S%p') ELSE try_strptime(${meridiem}, '%I:%M%p') END) AS TIME)
    ELSE TRY_CAST(${textOfTime(text)} AS TIME) END)`;
}
