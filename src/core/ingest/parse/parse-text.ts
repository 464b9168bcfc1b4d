/**
 * `text` and `id` → VARCHAR, trimmed of spaces (including NBSP and BOM). Ids are never numbers:
 * leading zeros stay, and only Excel's damage is undone — `12345.0` (an id Excel turned into a
 * number) becomes `12345`; an id Excel wrote in exponent form (`1.23457E+17`) has lost its digits
 * and is refused, because the real id cannot be recovered.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { isBlank, trimmed, WS } from './blank.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

/** Nothing to trim at either end: the common case, returned as it is. */
const NO_EDGE_SPACE = String.raw`[^\s\pZ\x{200B}\x{FEFF}](?:.*[^\s\pZ\x{200B}\x{FEFF}])?`;
/** Letters, digits, `_` and inner `-`: an id that needs no repair. */
const PLAIN_ID = String.raw`[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?`;
const NUMBERISED_ID = String.raw`${WS}*\d+\.0${WS}*`;
const EXPONENT_ID = String.raw`${WS}*\d(?:\.\d+)?[eE]\+\d{1,3}${WS}*`;
const EXPONENT_ERROR = 'id in exponent form (Excel dropped its digits): export the column as text';

/**
 * Longer than every placeholder for "no value" (`#n/a`, `none`, `null`: 4 characters), so such a
 * text with nothing to trim (or a plain id) is returned after one test instead of the blank test
 * and then that one.
 */
const LONGER_THAN_PLACEHOLDERS = 4;

export function parseTextSql(raw: Sql): ParsedExpr {
  return {
    value: sql`(CASE WHEN length(${raw}) > ${sql.raw(String(LONGER_THAN_PLACEHOLDERS))} AND ${fullMatch(raw, NO_EDGE_SPACE)} THEN ${raw}
      WHEN ${isBlank(raw)} THEN NULL WHEN ${fullMatch(raw, NO_EDGE_SPACE)} THEN ${raw} ELSE ${trimmed(raw)} END)`,
    error: sql`CAST(NULL AS VARCHAR)`,
  };
}

export function parseIdSql(raw: Sql): ParsedExpr {
  return {
    value: sql`(CASE WHEN length(${raw}) > ${sql.raw(String(LONGER_THAN_PLACEHOLDERS))} AND ${fullMatch(raw, PLAIN_ID)} THEN ${raw}
      WHEN ${isBlank(raw)} THEN NULL WHEN ${fullMatch(raw, PLAIN_ID)} THEN ${raw}
      WHEN ${fullMatch(raw, EXPONENT_ID)} THEN NULL
      WHEN ${fullMatch(raw, NUMBERISED_ID)} THEN left(${trimmed(raw)}, -2) ELSE ${trimmed(raw)} END)`,
    error: sql`(CASE WHEN ${fullMatch(raw, EXPONENT_ID)} THEN ${literal(EXPONENT_ERROR)} END)`,
  };
}
