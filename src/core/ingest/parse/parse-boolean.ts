/**
 * `boolean` → BOOLEAN. Only the spellings exports really use are accepted — true/false, yes/no,
 * y/n, 1/0, ya/tidak, 是/否, ✓/✗ — so a stray value such as `maybe` or `2` is an error instead of
 * silently becoming false. Spellings are whole-text regex tests rather than `IN` lists: DuckDB
 * rewrites a long `IN` list into a join that runs on every row, even inside a CASE branch.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { WS } from './blank.ts';
import { shapeChain } from './shape-chain.ts';
import { fullMatch } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

const TRUE = String.raw`${WS}*(?:(?i:true|yes|y|1|ya)|是|✓|✔|☑)${WS}*`;
const FALSE = String.raw`${WS}*(?:(?i:false|no|n|0|tidak)|否|✗|✘|☐)${WS}*`;

export function parseBooleanSql(raw: Sql): ParsedExpr {
  return shapeChain(
    raw,
    [
      // The usual spellings, already lower case and trimmed: one DFA test, no string functions.
      { when: fullMatch(raw, 'true|false|yes|no|1|0'), value: sql`${raw} IN ('true', 'yes', '1')` },
      { when: fullMatch(raw, TRUE), value: sql`TRUE` },
      { when: fullMatch(raw, FALSE), value: sql`FALSE` },
    ],
    'not a yes/no value (expected e.g. yes, no, true, false, 1, 0)',
  );
}
