/**
 * `livestream_minutes.minute` is written either as minutes from the session's start (`0`, `15`) or
 * as a clock reading (`2026-11-01 20:15:00`, epoch seconds, or `20:15` on the session's day), and
 * only the session's started_at can turn a clock reading into minutes. This step runs after parsing
 * and before validation: one statement joins `parsed` with `livestreams` and replaces the text
 * `minute` by whole minutes from the start, with a reason for every value it cannot place (an
 * unknown session, a time before the start, text that is neither). The table stores only the
 * count (`minute INTEGER CHECK (minute >= 0)`), so integers and clock readings land alike.
 *
 * Minutes are counted between clock minutes, as per-minute trend exports bucket them: a session
 * started at 20:00:37 has 20:00 as minute 0 and 20:01 as minute 1. A time of day earlier than the
 * start is read on the next day when that is less than 12 hours after the start (a session running
 * past midnight); otherwise it is before the session and refused.
 */
import type { Executor } from '../../db/database.ts';
import { dropNarrow } from './narrow-table.sql.ts';
import { sql } from '../../db/sql.ts';
import { checkParseContext } from '../parse/parse-value.ts';
import { parseIntegerSql } from '../parse/parse-integer.ts';
import { NOT_A_TIMESTAMP, parseTimestampSql } from '../parse/parse-timestamp.ts';
import { fullMatch, literal } from '../parse/sql-pattern.ts';
import type { ParseContext } from '../parse/types.ts';

/** Whole numbers below this are minute counts; Excel date serials (and longer numbers) start here. */
export const MINUTE_COUNT_BELOW = 20_000;
const TIME_OF_DAY = String.raw`\d{1,2}:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
const NUMBERISH = String.raw`[-+]?\d[\d.,]*`;
export const NOT_A_MINUTE = `not minutes from the start (0–${MINUTE_COUNT_BELOW - 1}), a date and time or a clock time (e.g. 15, 2026-11-01 20:15 or 20:15)`;

export async function resolveMinutesFromStart(executor: Executor, context: ParseContext): Promise<void> {
  const zone = checkParseContext(context).timezone;
  const count = parseIntegerSql(sql`p.minute`);
  const stamp = parseTimestampSql(sql`minute`, context);
  const isCount = sql`minute_count < ${MINUTE_COUNT_BELOW}`;
  const isClockTime = fullMatch(sql`minute`, TIME_OF_DAY);
  const startDay = sql`CAST(local_start AS DATE)`;
  const sameDay = sql`(${startDay} + clock_time)`;
  // The same-day reading, or the next day's for a session that runs past midnight.
  const clockLocal = sql`(${sameDay} + CASE WHEN date_trunc('minute', ${sameDay}) < date_trunc('minute', local_start)
      AND ${sameDay} + INTERVAL 1 DAY - local_start < INTERVAL 12 HOUR THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END)`;
  const minute = sql`CAST(CASE WHEN ${isCount} THEN (CASE WHEN minute_count >= 0 THEN minute_count END)
      WHEN from_start >= 0 THEN from_start END AS INTEGER)`;
  const unreadable = sql`CASE WHEN stamp_error IS NOT NULL AND stamp_error <> ${literal(NOT_A_TIMESTAMP)} THEN stamp_error
      WHEN ${fullMatch(sql`minute`, NUMBERISH)} THEN coalesce(count_error, ${literal(NOT_A_MINUTE)}) ELSE ${literal(NOT_A_MINUTE)} END`;
  const error = sql`CASE WHEN minute IS NULL THEN NULL
      WHEN ${isCount} THEN (CASE WHEN minute_count < 0 THEN 'must not be negative' END)
      WHEN clock_time IS NULL AND stamp_at IS NULL THEN ${unreadable}
      WHEN livestream_id IS NULL THEN 'a clock time needs the row''s livestream id to count minutes from its start'
      WHEN session_start IS NULL THEN 'livestream ' || livestream_id || ' is not imported yet: a clock time is counted from the session''s start (import the session list first)'
      WHEN from_start < 0 THEN strftime(timezone(${zone}, clock_at), '%Y-%m-%d %H:%M') || ' is before the session started ('
        || strftime(local_start, '%Y-%m-%d %H:%M') || ')'
    END`;
  await executor.exec('DROP TABLE IF EXISTS parsed_minutes');
  await executor.run(sql`CREATE TEMP TABLE parsed_minutes AS
    WITH readings AS (
      SELECT p.*, l.started_at AS session_start, timezone(${zone}, l.started_at) AS local_start,
        ${count.value} AS minute_count, ${count.error} AS count_error
      FROM parsed p LEFT JOIN livestreams l ON l.id = p.livestream_id),
    clocks AS (
      SELECT *,
        CASE WHEN ${isCount} THEN NULL WHEN ${isClockTime} THEN TRY_CAST(minute AS TIME) END AS clock_time,
        CASE WHEN ${isCount} OR ${isClockTime} THEN NULL ELSE ${stamp.value} END AS stamp_at,
        CASE WHEN ${isCount} OR ${isClockTime} THEN NULL ELSE ${stamp.error} END AS stamp_error
      FROM readings),
    placed AS (
      SELECT *, coalesce(stamp_at, timezone(${zone}, ${clockLocal})) AS clock_at FROM clocks),
    counted AS (
      SELECT *, CAST(floor(epoch(clock_at) / 60) - floor(epoch(session_start) / 60) AS BIGINT) AS from_start FROM placed)
    SELECT * EXCLUDE (session_start, local_start, minute_count, count_error, clock_time, stamp_at, stamp_error, clock_at, from_start)
      REPLACE (${minute} AS minute, ${error} AS minute__err)
    FROM counted`);
  // Every field of livestream minutes is stored (build-parsed.sql.ts), so the view is all of them.
  await dropNarrow(executor, 'parsed');
  await executor.exec('ALTER TABLE parsed_minutes RENAME TO parsed_rows');
  await executor.exec('CREATE TEMP VIEW parsed AS SELECT * FROM parsed_rows');
}
