/**
 * `duration` → INTEGER seconds. Livestream tools write durations every way: `01:23:45`, `83:20`
 * (two parts are always minutes:seconds), `1h 23m 45s`, `1.5h`, `5025` (plain seconds),
 * `1小时23分45秒`, `2小时5分钟3秒`, `1 jam 23 menit`, `1 hr 23 min`. Units must come in the order
 * hours, minutes, seconds, each at most once, and `m` is always minutes (never months) — the
 * English forms are handed to DuckDB's INTERVAL cast only after this grammar has pinned them
 * down. Fractions of a second are rounded to the nearest second.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { WS } from './blank.ts';
import { shapeChain } from './shape-chain.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

const PLAIN = String.raw`\d{1,9}`;
const SECONDS = String.raw`${WS}*\d{1,9}(?:[.,]\d{1,9})?${WS}*`;
const CLOCK = String.raw`${WS}*\d{1,4}:[0-5]\d:[0-5]\d(?:\.\d{1,9})?${WS}*`;
const MINUTES_SECONDS = String.raw`${WS}*\d{1,5}:[0-5]\d(?:\.\d{1,9})?${WS}*`;

const NUMBER = String.raw`\d{1,6}(?:\.\d{1,9})?`;
function units(hours: string, minutes: string, seconds: string, number = NUMBER): string {
  const part = (unit: string) => String.raw`(?:${number}${WS}*${unit}${WS}*)?`;
  return String.raw`${WS}*${part(hours)}${part(minutes)}${part(seconds)}`;
}
/** Units DuckDB's INTERVAL cast reads the same way (the longest spelling first). */
const ENGLISH = units(
  '(?i:hours|hour|hrs|hr|h)',
  '(?i:minutes|minute|mins|min|m)',
  '(?i:seconds|second|secs|sec|s)',
);
/** Chinese and Indonesian units, rewritten to h/m/s for the cast; `1,5 jam` has a decimal comma. */
const LOCAL_NUMBER = String.raw`\d{1,6}(?:[.,]\d{1,9})?`;
const CHINESE = units('(?:小时|小時|时|時)', '(?:分钟|分鐘|分)', '(?:秒钟|秒)', LOCAL_NUMBER);
const INDONESIAN = units('(?i:jam)', '(?i:menit|mnt)', '(?i:detik|dtk)', LOCAL_NUMBER);
const CHINESE_UNITS: readonly [string, string][] = [
  ['小时', 'h'],
  ['小時', 'h'],
  ['时', 'h'],
  ['時', 'h'],
  ['分钟', 'm'],
  ['分鐘', 'm'],
  ['分', 'm'],
  ['秒钟', 's'],
  ['秒', 's'],
];
const INDONESIAN_UNITS: readonly [string, string][] = [
  ['jam', 'h'],
  ['menit', 'm'],
  ['mnt', 'm'],
  ['detik', 's'],
  ['dtk', 's'],
];

/** The text with each local unit replaced by its English letter and decimal commas as points. */
function inEnglish(text: Sql, unitNames: readonly [string, string][]): Sql {
  const replaced = unitNames.reduce<Sql>(
    (t, [from, to]) => sql`replace(${t}, ${literal(from)}, ${literal(to)})`,
    text,
  );
  return sql`replace(${replaced}, ',', '.')`;
}

function seconds(expr: Sql): Sql {
  return sql`CAST(round(${expr}) AS INTEGER)`;
}

function part(raw: Sql, index: number): Sql {
  return sql`TRY_CAST(split_part(${raw}, ':', ${sql.raw(String(index))}) AS DOUBLE)`;
}

export function parseDurationSql(raw: Sql): ParsedExpr {
  const { value, error } = shapeChain(
    raw,
    [
      { when: fullMatch(raw, PLAIN), value: sql`TRY_CAST(${raw} AS INTEGER)` },
      { when: fullMatch(raw, SECONDS), value: seconds(sql`TRY_CAST(replace(${raw}, ',', '.') AS DOUBLE)`) },
      {
        when: fullMatch(raw, CLOCK),
        value: seconds(sql`${part(raw, 1)} * 3600 + ${part(raw, 2)} * 60 + ${part(raw, 3)}`),
      },
      { when: fullMatch(raw, MINUTES_SECONDS), value: seconds(sql`${part(raw, 1)} * 60 + ${part(raw, 2)}`) },
      { when: fullMatch(raw, ENGLISH), value: seconds(sql`epoch(TRY_CAST(${raw} AS INTERVAL))`) },
      {
        when: fullMatch(raw, CHINESE),
        value: seconds(sql`epoch(TRY_CAST(${inEnglish(raw, CHINESE_UNITS)} AS INTERVAL))`),
      },
      {
        when: fullMatch(raw, INDONESIAN),
        value: seconds(sql`epoch(TRY_CAST(${inEnglish(sql`lower(${raw})`, INDONESIAN_UNITS)} AS INTERVAL))`),
      },
    ],
    'not a duration (expected e.g. 01:23:45, 1h 23m 45s or 5025 seconds)',
  );
  return { value: sql`CAST(${value} AS INTEGER)`, error };
}
