/**
 * Reads a JSON-lines recording of a LIVE (`{roomId, event, ts, userId, payload}` per line) into
 * the temp table `event_lines`, one row per line with its line number, the event's fields and the
 * first problem that makes the line unusable (or null). Everything happens inside DuckDB.
 *
 * Traps it guards against: a line of binary garbage would make DuckDB's text readers refuse the
 * whole file ("not utf-8 encoded"), so the file is read as one BLOB, cast to its escaped text
 * (`\xE4\xB8\xAD`, where `\` itself is `\x5C`, so nothing is ambiguous), split on `\x0A` and each
 * line decoded back with `try(decode(…))`: an undecodable line becomes one reported problem. A
 * recording's `ts` is epoch milliseconds (TikTok-Live-Connector), epoch seconds or an ISO date-time;
 * one without an offset is in the workspace time zone.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { LIVE_EVENT_NAMES } from './live-event-names.ts';

export interface LineCounts {
  lines: number;
  blank: number;
  rejected: number;
  valid: number;
}

/** A JSON path of this module as an SQL literal: DuckDB parses a bound path again for every row. */
const jsonPath = (path: string): Sql => sql.raw(`'${path.replaceAll("'", "''")}'`);
const num = (path: string): Sql => sql`TRY_CAST(json_extract_string(payload, ${jsonPath(path)}) AS DOUBLE)`;

/** The first problem of a parsed, non-blank line: [column, value, message], or NULLs. */
function problem(): Sql {
  const known = sql.join(
    LIVE_EVENT_NAMES.map((name) => sql`${name}`),
    ', ',
  );
  const knownText = LIVE_EVENT_NAMES.join(', ');
  const numberProblem = (event: string, field: string, min: number, what: string): Sql =>
    sql`WHEN event = ${event} AND (${num(`$.${field}`)} IS NULL OR ${num(`$.${field}`)} < ${min})
      THEN {'col': ${`payload.${field}`}, 'val': json_extract_string(payload, ${jsonPath(`$.${field}`)}), 'msg': ${`a ${event} event needs payload.${field}: ${what}`}}`;
  return sql`CASE
    WHEN line IS NULL THEN {'col': NULL, 'val': left(escaped, 120), 'msg': 'the line is not UTF-8 text (binary data?)'}
    WHEN NOT json_valid(line) THEN {'col': NULL, 'val': left(line, 200), 'msg': 'not valid JSON (a truncated or broken line)'}
    WHEN json_type(doc) <> 'OBJECT' THEN {'col': NULL, 'val': left(line, 200), 'msg': 'not a JSON object: each line must be {roomId, event, ts, userId, payload}'}
    WHEN event IS NULL THEN {'col': 'event', 'val': NULL, 'msg': 'no event name'}
    WHEN event NOT IN (${known}) THEN {'col': 'event', 'val': left(event, 200), 'msg': ${`unknown event; a recording holds ${knownText}`}}
    WHEN ts_text IS NULL THEN {'col': 'ts', 'val': NULL, 'msg': 'no timestamp (ts)'}
    WHEN "at" IS NULL THEN {'col': 'ts', 'val': left(ts_text, 200), 'msg': 'not a timestamp: epoch milliseconds, epoch seconds or an ISO date-time'}
    WHEN payload IS NOT NULL AND json_type(payload) <> 'OBJECT' THEN {'col': 'payload', 'val': left(CAST(payload AS VARCHAR), 200), 'msg': 'payload must be a JSON object'}
    WHEN event = 'chat' AND json_type(payload, '$.comment') IS DISTINCT FROM 'VARCHAR'
      THEN {'col': 'payload.comment', 'val': json_extract_string(payload, '$.comment'), 'msg': 'a chat event needs payload.comment (text)'}
    WHEN event = 'oecLiveShopping' AND nullif(trim(coalesce(json_extract_string(payload, '$.title'), json_extract_string(payload, '$.productTitle'), '')), '') IS NULL
      THEN {'col': 'payload.title', 'val': NULL, 'msg': 'an oecLiveShopping event needs payload.title (the product title)'}
    ${numberProblem('gift', 'diamondCount', 0, 'a number of diamonds ≥ 0')}
    WHEN event = 'gift' AND json_extract(payload, '$.repeatCount') IS NOT NULL AND coalesce(${num('$.repeatCount')}, 0) < 1
      THEN {'col': 'payload.repeatCount', 'val': json_extract_string(payload, '$.repeatCount'), 'msg': 'a gift repeatCount must be a whole number ≥ 1'}
    ${numberProblem('roomUser', 'viewerCount', 0, 'a number of viewers ≥ 0')}
    ${numberProblem('like', 'likeCount', 0, 'a number of likes ≥ 0')}
  END`;
}

/** Epoch milliseconds or seconds (numbers or digit strings), else an ISO date-time. */
function eventTime(timezone: string): Sql {
  const n = sql`TRY_CAST(ts_text AS DOUBLE)`;
  return sql`CASE
    WHEN regexp_full_match(ts_text, '\\d{9,16}(\\.\\d+)?') THEN
      CASE WHEN ${n} >= 1e11 AND ${n} < 1e14 THEN to_timestamp(${n} / 1000)
           WHEN ${n} >= 1e9 AND ${n} < 1e11 THEN to_timestamp(${n}) END
    WHEN regexp_matches(ts_text, '(Z|[+-]\\d{2}:?\\d{2})$') THEN TRY_CAST(ts_text AS TIMESTAMPTZ)
    ELSE timezone(${timezone}, TRY_CAST(ts_text AS TIMESTAMP))
  END`;
}

/** Stages the recording at `file` as `event_lines` and counts its lines. */
export async function readRecording(executor: Executor, file: string, timezone: string): Promise<LineCounts> {
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE event_split AS
    WITH f AS (SELECT string_split(CAST(content AS VARCHAR), '\\x0A') AS parts FROM read_blob(${file})),
    numbered AS (SELECT unnest(parts) AS escaped, generate_subscripts(parts, 1) AS line_no, len(parts) AS n FROM f)
    SELECT CAST(line_no AS INTEGER) AS line_no, escaped,
      CASE WHEN line_no = 1 THEN ltrim(rtrim(try(decode(CAST(escaped AS BLOB))), chr(13)), chr(65279))
           ELSE rtrim(try(decode(CAST(escaped AS BLOB))), chr(13)) END AS line
    FROM numbered
    WHERE NOT (line_no = n AND escaped = '')`);
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE event_docs AS
    SELECT line_no, escaped, line, doc, f[1] AS event, nullif(trim(f[2]), '') AS room_id, nullif(trim(f[3]), '') AS user_id,
      nullif(trim(f[4]), '') AS ts_text, payload
    FROM (
      -- One parse for the four fields (json_extract with a list of paths), one for the payload.
      SELECT *, CASE WHEN is_object THEN json_extract_string(doc, ['$.event', '$.roomId', '$.userId', '$.ts']) END AS f,
        CASE WHEN is_object THEN json_extract(doc, '$.payload') END AS payload
      FROM (SELECT *, json_type(doc) = 'OBJECT' AS is_object FROM (
      SELECT line_no, escaped, line, CASE WHEN line IS NOT NULL AND json_valid(line) THEN json(line) END AS doc
      FROM event_split WHERE line IS NULL OR trim(line) <> ''
    )))`);
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE event_lines AS
    SELECT *, ${problem()} AS problem
    FROM (SELECT *, ${eventTime(timezone)} AS "at" FROM event_docs)`);
  const [counts] = await executor.query<{
    lines: number;
    blank: number;
    rejected: number;
    valid: number;
  }>(sql`
    SELECT (SELECT count(*) FROM event_split) AS lines,
      (SELECT count(*) FROM event_split WHERE line IS NOT NULL AND trim(line) = '') AS blank,
      count(*) FILTER (WHERE problem IS NOT NULL) AS rejected,
      count(*) FILTER (WHERE problem IS NULL) AS valid
    FROM event_lines`);
  await executor.run(sql`DROP TABLE IF EXISTS event_split; DROP TABLE IF EXISTS event_docs`);
  return counts ?? { lines: 0, blank: 0, rejected: 0, valid: 0 };
}

export interface LineProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export async function listLineProblems(executor: Executor, limit: number): Promise<LineProblem[]> {
  const rows = await executor.query<{ line_no: number; col: string | null; val: string | null; msg: string }>(
    sql`SELECT line_no, problem.col AS col, problem.val AS val, problem.msg AS msg FROM event_lines
      WHERE problem IS NOT NULL ORDER BY line_no LIMIT ${limit}`,
  );
  return rows.map((r) => ({ row: r.line_no, column: r.col, value: r.val, message: r.msg }));
}

/** Keeps the malformed lines of an import: the raw line (or its escaped bytes) as the one source cell. */
export async function keepLineRejects(executor: Executor, importId: string): Promise<void> {
  await executor.run(sql`
    INSERT INTO import_rejects (import_id, row_no, column_name, value, message, raw)
    SELECT ${importId}, line_no, problem.col, problem.val, problem.msg, to_json([coalesce(line, escaped)])
    FROM event_lines WHERE problem IS NOT NULL ORDER BY line_no`);
}

export async function dropRecording(executor: Executor): Promise<void> {
  await executor.exec(
    'DROP TABLE IF EXISTS event_split; DROP TABLE IF EXISTS event_docs; DROP TABLE IF EXISTS event_lines',
  );
}
