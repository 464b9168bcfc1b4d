/**
 * The vocabulary of the value parsers. A parser is not a function over values: it turns the SQL
 * expression of one raw staging column (VARCHAR) into two SQL expressions, the typed value and the
 * reason it could not be read, so a million-row import parses inside DuckDB instead of in Node.
 */
import type { Sql } from '../../db/sql.ts';

export type ValueType =
  'text' | 'id' | 'integer' | 'number' | 'money' | 'rate' | 'duration' | 'date' | 'timestamp' | 'boolean';

export const VALUE_TYPES: readonly ValueType[] = [
  'text',
  'id',
  'integer',
  'number',
  'money',
  'rate',
  'duration',
  'date',
  'timestamp',
  'boolean',
];

export interface ParseContext {
  /** For ambiguous dates like 03/04/2025; null refuses them with an error that names --date-order. */
  dateOrder: 'dmy' | 'mdy' | 'ymd' | null;
  /** For dates written without a year ("11-11", "11月11日", "Nov 11"); null refuses them. */
  year: number | null;
  /** IANA zone; timestamps written without an offset are wall-clock times in this zone. */
  timezone: string;
}

/**
 * `value` has the target DuckDB type (NULL for blanks and for unreadable values); `error` is a
 * VARCHAR that is NULL when the value is blank or was read, else a short reason for the user.
 */
export interface ParsedExpr {
  value: Sql;
  error: Sql;
}
