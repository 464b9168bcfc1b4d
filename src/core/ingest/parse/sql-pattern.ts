/**
 * Regex patterns, strptime formats and messages are constants written in this folder, so they enter
 * the SQL as literals (trusted text), never as bound parameters: DuckDB compiles a constant regex
 * or format once per query, whereas a parameter would be recompiled row by row. Nothing that comes
 * from a file or a request may be passed here — those values are bound through `sql`.
 */
import { sql, type Sql } from '../../db/sql.ts';

/** A SQL string literal for constant text from this folder (quotes doubled). */
export function literal(text: string): Sql {
  return sql.raw(`'${text.replaceAll("'", "''")}'`);
}

/** A SQL list of string literals, e.g. strptime formats. */
export function literalList(texts: readonly string[]): Sql {
  return sql`[${sql.join(texts.map(literal))}]`;
}

/** True when the whole text matches (RE2; DuckDB runs it as a DFA, no captures, so it is cheap). */
export function fullMatch(expr: Sql, pattern: string): Sql {
  return sql`regexp_full_match(${expr}, ${literal(pattern)})`;
}

/** True when the pattern occurs anywhere in the text. */
export function contains(expr: Sql, pattern: string): Sql {
  return sql`regexp_matches(${expr}, ${literal(pattern)})`;
}
