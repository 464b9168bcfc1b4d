import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, queryOne } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { demoRandom } from './demo-random.sql.ts';

let db: Database;
const rnd = demoRandom(42);
const N = 200_000;

beforeAll(async () => {
  db = await Database.open(':memory:');
});

afterAll(async () => {
  await db.close();
});

describe('demoRandom', () => {
  it('draws uniforms in (0, 1) and standard normals', async () => {
    const row = await queryOne<Record<string, number>>(
      db,
      sql`
      SELECT min(u) AS u_min, max(u) AS u_max, avg(u) AS u_mean, avg(z) AS z_mean, stddev(z) AS z_sd, min(z) AS z_min,
        max(z) AS z_max, avg(CASE WHEN l < 20 THEN 1 ELSE 0 END) AS below_median
      FROM (SELECT ${rnd.uniform('u', sql`i`)} AS u, ${rnd.normal('z', sql`i`)} AS z, ${rnd.lognormal(20, 1, 'l', sql`i`)} AS l
        FROM range(${N}) r(i))`,
    );
    expect(row.u_min).toBeGreaterThan(0);
    expect(row.u_max).toBeLessThan(1);
    expect(row.u_mean).toBeCloseTo(0.5, 2);
    expect(row.z_mean).toBeCloseTo(0, 1);
    expect(row.z_sd).toBeCloseTo(1, 1);
    expect(row.z_min).toBeLessThan(-3.5);
    expect(row.z_max).toBeGreaterThan(3.5);
    expect(row.below_median).toBeCloseTo(0.5, 1);
  });

  // DuckDB's multi-argument hash is nearly linear: hash(s, 'a', i) XOR hash(s, 'b', i) is the same for
  // every i. Without re-hashing, two "independent" draws were functions of each other and Box–Muller
  // normals never left ±1.8.
  it('draws independently for different salts and neighbouring keys', async () => {
    const row = await queryOne<Record<string, number>>(
      db,
      sql`
      SELECT avg(CASE WHEN (a < 0.5) = (b < 0.5) THEN 1 ELSE 0 END) AS salt_agree,
        avg(CASE WHEN (a < 0.5) = (c < 0.5) THEN 1 ELSE 0 END) AS key_agree,
        avg(CASE WHEN (a < 0.5) = (d < 0.5) THEN 1 ELSE 0 END) AS other_key_agree,
        avg(CASE WHEN floor(a * 8) % 2 = floor(b * 8) % 2 THEN 1 ELSE 0 END) AS low_bits_agree,
        abs(corr(a, b)) AS salt_corr
      FROM (SELECT ${rnd.uniform('x', sql`i // 500`, sql`i % 500`)} AS a, ${rnd.uniform('y', sql`i // 500`, sql`i % 500`)} AS b,
        ${rnd.uniform('x', sql`i // 500`, sql`i % 500 + 1`)} AS c, ${rnd.uniform('x', sql`i // 500 + 1`, sql`i % 500`)} AS d
        FROM range(${N}) r(i))`,
    );
    for (const key of ['salt_agree', 'key_agree', 'other_key_agree', 'low_bits_agree']) {
      expect(row[key], key).toBeGreaterThan(0.49);
      expect(row[key], key).toBeLessThan(0.51);
    }
    expect(row.salt_corr).toBeLessThan(0.01);
  });

  it('is a pure function of seed, salt and keys', async () => {
    const draw = async (seed: number) =>
      queryOne<{ v: number }>(db, sql`SELECT ${demoRandom(seed).uniform('same', sql`7`, sql`'x'`)} AS v`);
    expect(await draw(1)).toEqual(await draw(1));
    expect(await draw(1)).not.toEqual(await draw(2));
  });

  it('picks by weight and within range', async () => {
    const rows = await db.query<{ k: number; share: number }>(sql`
      SELECT k, count(*) / ${N} AS share FROM (SELECT ${rnd.weightedIndex([0.7, 0.2, 0.1], 'w', sql`i`)} AS k FROM range(${N}) r(i))
      GROUP BY k ORDER BY k`);
    expect(rows.map((r) => r.k)).toEqual([0, 1, 2]);
    expect(rows.map((r) => Math.round(r.share * 100) / 100)).toEqual([0.7, 0.2, 0.1]);
    const picked = await db.query<{ v: string }>(
      sql`SELECT DISTINCT ${rnd.pick(['a', 'b'], 'p', sql`i`)} AS v FROM range(100) r(i) ORDER BY v`,
    );
    expect(picked.map((r) => r.v)).toEqual(['a', 'b']);
  });
});
