/**
 * Deterministic pseudo-random numbers as SQL expressions. Every draw is `hash(seed, salt, keys…)`,
 * a pure function of the seed and of the entity it belongs to, so the same seed gives the same
 * data whatever the thread count, chunking or row order. DuckDB's `random()`/`setseed()` are
 * per-thread streams and would not reproduce. Each draw gets its own salt: two draws of the same
 * row with the same salt would be the same number.
 */
import { sql, type Sql } from '../db/sql.ts';

const SALT = /^[a-z][a-z0-9_]*$/;
const TWO_POW_53 = 9007199254740992;

export interface DemoRandom {
  /** Uniform in (0, 1). */
  uniform(salt: string, ...keys: Sql[]): Sql;
  /** Standard normal (Box–Muller over two uniforms). */
  normal(salt: string, ...keys: Sql[]): Sql;
  /** Lognormal with the given median and sigma. */
  lognormal(median: number, sigma: number, salt: string, ...keys: Sql[]): Sql;
  /** Integer in [0, n). */
  below(n: Sql | number, salt: string, ...keys: Sql[]): Sql;
  /** One item of a list, uniformly. */
  pick(items: readonly string[], salt: string, ...keys: Sql[]): Sql;
  /** An index in [0, weights.length) drawn with the given weights. */
  weightedIndex(weights: readonly number[], salt: string, ...keys: Sql[]): Sql;
}

/** A numeric constant from code, written into the SQL text (keeps hot expressions parameter-free). */
export function lit(value: number): Sql {
  if (!Number.isFinite(value)) throw new TypeError(`demo: not a finite number: ${value}`);
  return sql.raw(String(value));
}

/** A list literal whose items are bound parameters. */
export function sqlList(items: readonly (string | number)[]): Sql {
  return sql`[${sql.join(items)}]`;
}

export function demoRandom(seed: number): DemoRandom {
  const seedValue = BigInt(seed);
  const hashOf = (salt: string, keys: Sql[]): Sql => {
    if (!SALT.test(salt)) throw new TypeError(`demo random: bad salt ${JSON.stringify(salt)}`);
    // DuckDB combines the hashes of several arguments almost linearly: two draws that differ only in
    // one argument are XOR-related by a constant. Hashing the combined value again mixes that away.
    return sql`hash(hash(${sql.join([seedValue, sql.raw(`'${salt}'`), ...keys])}))`;
  };
  const uniform = (salt: string, ...keys: Sql[]): Sql =>
    sql`(((${hashOf(salt, keys)} >> 11)::DOUBLE + 0.5) / ${sql.raw(`${TWO_POW_53}.0`)})`;
  const normal = (salt: string, ...keys: Sql[]): Sql =>
    sql`(sqrt(-2.0 * ln(${uniform(`${salt}_r`, ...keys)})) * cos(2.0 * pi() * ${uniform(`${salt}_t`, ...keys)}))`;
  const below = (n: Sql | number, salt: string, ...keys: Sql[]): Sql =>
    sql`CAST(floor(${uniform(salt, ...keys)} * ${typeof n === 'number' ? lit(n) : n}) AS BIGINT)`;
  return {
    uniform,
    normal,
    lognormal: (median, sigma, salt, ...keys) =>
      sql`(${lit(median)} * exp(${lit(sigma)} * ${normal(salt, ...keys)}))`,
    below,
    pick: (items, salt, ...keys) =>
      sql`list_element(${sqlList(items)}, 1 + ${below(items.length, salt, ...keys)})`,
    weightedIndex: (weights, salt, ...keys) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      const u = uniform(salt, ...keys);
      const branches = weights.slice(0, -1).map((weight, i) => {
        cumulative += weight / total;
        return sql` WHEN ${u} < ${lit(cumulative)} THEN ${lit(i)}`;
      });
      return sql`(CASE${sql.join(branches, '')} ELSE ${lit(weights.length - 1)} END)`;
    },
  };
}
