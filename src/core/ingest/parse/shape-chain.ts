/**
 * How every parser is assembled: an ordered list of shapes, each a cheap whole-text regex test with
 * the SQL that converts text of that shape. The first shape is the fast path (the clean, common
 * form, e.g. `1234.5`) and is tested before anything else, so a clean column costs one DFA match
 * and one cast per row; the other shapes only run on the rows that are left. A value that matches
 * no shape is an error with the parser's fallback message — nothing is ever guessed.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { isBlank } from './blank.ts';
import { literal } from './sql-pattern.ts';
import type { ParsedExpr } from './types.ts';

export interface Shape {
  /** Boolean SQL: the raw text has this shape. Must be false for blanks. */
  when: Sql;
  /** The typed value for text of this shape (NULL when it still cannot be read). */
  value: Sql;
  /** The reason for text of this shape that cannot be read; omitted means it always can. */
  error?: Sql;
}

/** `CASE WHEN value IS NULL THEN message END`: the usual error of a shape. */
export function errorWhenNull(value: Sql, message: string): Sql {
  return sql`CASE WHEN (${value}) IS NULL THEN ${literal(message)} END`;
}

export function shapeChain(raw: Sql, shapes: readonly Shape[], fallback: string): ParsedExpr {
  const [fast, ...rest] = shapes;
  if (!fast) throw new Error('shapeChain needs at least one shape');
  // Blanks are tested right after the fast path so that they skip the rest of the chain.
  const value = sql`(CASE WHEN ${fast.when} THEN ${fast.value} WHEN ${isBlank(raw)} THEN NULL ${sql.join(
    rest.map((s) => sql`WHEN ${s.when} THEN ${s.value}`),
    ' ',
  )} END)`;
  const error = sql`(CASE WHEN ${fast.when} THEN ${fast.error ?? sql`NULL`} WHEN ${isBlank(raw)} THEN NULL ${sql.join(
    rest.map((s) => sql`WHEN ${s.when} THEN ${s.error ?? sql`NULL`}`),
    ' ',
  )} ELSE ${literal(fallback)} END)`;
  return { value, error };
}
