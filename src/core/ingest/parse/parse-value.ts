/**
 * The one entry point of the value parsers: a value type and the SQL of a raw VARCHAR column in,
 * the typed value and the error reason out, both as SQL for `SELECT … FROM stage`. The context is
 * checked here, once, because a bad time zone would otherwise fail deep inside DuckDB mid-import.
 */
import type { Sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { validateTimezone } from '../../shared/settings.ts';
import { parseBooleanSql } from './parse-boolean.ts';
import { parseDateSql } from './parse-date.ts';
import { parseDurationSql } from './parse-duration.ts';
import { parseIntegerSql } from './parse-integer.ts';
import { parseMoneySql } from './parse-money.ts';
import { parseNumberSql } from './parse-number.ts';
import { parseRateSql } from './parse-rate.ts';
import { parseIdSql, parseTextSql } from './parse-text.ts';
import { parseTimestampSql } from './parse-timestamp.ts';
import type { ParseContext, ParsedExpr, ValueType } from './types.ts';

export function checkParseContext(ctx: ParseContext): ParseContext {
  validateTimezone(ctx.timezone);
  if (ctx.year !== null && !(Number.isInteger(ctx.year) && ctx.year >= 1900 && ctx.year <= 2199)) {
    throw new UserError(`year ${ctx.year} is out of range`, {
      hint: 'pass --year as four digits, e.g. --year 2026',
    });
  }
  return ctx;
}

export function parseValueSql(type: ValueType, raw: Sql, ctx: ParseContext): ParsedExpr {
  switch (type) {
    case 'text':
      return parseTextSql(raw);
    case 'id':
      return parseIdSql(raw);
    case 'integer':
      return parseIntegerSql(raw);
    case 'number':
      return parseNumberSql(raw);
    case 'money':
      return parseMoneySql(raw);
    case 'rate':
      return parseRateSql(raw);
    case 'duration':
      return parseDurationSql(raw);
    case 'date':
      return parseDateSql(raw, checkParseContext(ctx));
    case 'timestamp':
      return parseTimestampSql(raw, checkParseContext(ctx));
    case 'boolean':
      return parseBooleanSql(raw);
    default: {
      const unknown: never = type;
      throw new Error(`unknown value type: ${String(unknown)}`);
    }
  }
}
