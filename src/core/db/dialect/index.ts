/**
 * Every dialect Aisle can emit. Tests iterate over this list, so a new engine is checked against
 * the same invariants as soon as it is added here.
 */
import { duckdbDialect } from './duckdb.ts';
import { postgresDialect } from './postgres.ts';
import type { Dialect } from './dialect.ts';

export const dialects: readonly Dialect[] = [duckdbDialect, postgresDialect];
export type { Dialect, Grain } from './dialect.ts';
export { GRAINS } from './dialect.ts';
export { duckdbDialect } from './duckdb.ts';
export { postgresDialect } from './postgres.ts';
