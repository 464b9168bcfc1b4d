/**
 * `rate` → DOUBLE fraction (0.034, as every metric stores rates). `3.4%` is 0.034 (computed as
 * `3.4e-2`, so no float noise) and a plain `0.034` stays 0.034. A plain number above 1 is refused
 * rather than guessed: `3.4` may be a percent or a typo, so the user is told to write `3.4%` or
 * `0.034`. Rates carry no currency or magnitude.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { BARE, PERCENT } from './number-grammar.ts';
import { castText } from './numeric-text.ts';
import { shapeChain } from './shape-chain.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

const PLAIN = String.raw`[-+]?\d{1,18}(?:\.\d{1,20})?`;
const ABOVE_ONE = 'rate above 1: write 3.4% or 0.034';

function atMostOne(fraction: Sql): { value: Sql; error: Sql } {
  return {
    value: sql`(CASE WHEN abs(${fraction}) <= 1 THEN ${fraction} END)`,
    error: sql`(CASE WHEN abs(${fraction}) > 1 THEN ${literal(ABOVE_ONE)} END)`,
  };
}

export function parseRateSql(raw: Sql): ParsedExpr {
  const plain = atMostOne(sql`TRY_CAST(${raw} AS DOUBLE)`);
  const bare = atMostOne(sql`TRY_CAST(${castText(raw, sql`'e0'`)} AS DOUBLE)`);
  const { value, error } = shapeChain(
    raw,
    [
      { when: fullMatch(raw, PLAIN), ...plain },
      { when: fullMatch(raw, PERCENT), value: sql`TRY_CAST(${castText(raw, sql`'e-2'`)} AS DOUBLE)` },
      { when: fullMatch(raw, BARE), ...bare },
    ],
    'not a rate (expected e.g. 3.4% or 0.034)',
  );
  return { value: sql`CAST(${value} AS DOUBLE)`, error };
}
