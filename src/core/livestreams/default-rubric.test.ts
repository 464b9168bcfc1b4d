import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { DEFAULT_RUBRIC_CRITERIA, ensureDefaultRubric } from './default-rubric.ts';

let db: Database;

beforeEach(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
});

afterEach(async () => {
  await db.close();
});

describe('DEFAULT_RUBRIC_CRITERIA', () => {
  it('has unique snake_case keys, weights summing to 1 and an anchor for every level', () => {
    const keys = DEFAULT_RUBRIC_CRITERIA.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'host_delivery',
      'product_demonstration',
      'visual_audio',
      'structure_script',
      'offers_promotions',
      'cta_interaction',
      'compliance',
    ]);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(DEFAULT_RUBRIC_CRITERIA.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 10);
    for (const criterion of DEFAULT_RUBRIC_CRITERIA) {
      expect(Object.keys(criterion.anchors).sort()).toEqual(['1', '2', '3', '4', '5']);
      for (const text of Object.values(criterion.anchors)) expect(text.length).toBeGreaterThan(20);
    }
  });
});

describe('ensureDefaultRubric', () => {
  it('inserts active version 1 once and is idempotent', async () => {
    const first = await ensureDefaultRubric(db, 'admin@example.com');
    expect(first).toMatchObject({ version: 1, created: true });
    const second = await ensureDefaultRubric(db, 'someone-else@example.com');
    expect(second).toEqual({ ...first, created: false });
    const rows = await db.query<{
      version: number;
      is_active: boolean;
      created_by: string;
      criteria: unknown;
    }>(sql`SELECT version, is_active, created_by, criteria FROM rubrics`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, is_active: true, created_by: 'admin@example.com' });
    expect(rows[0]?.criteria).toEqual(JSON.parse(JSON.stringify(DEFAULT_RUBRIC_CRITERIA)));
  });

  it('never overwrites a workspace that already has its own rubric', async () => {
    await db.exec(`INSERT INTO rubrics (version, criteria, is_active, created_by) VALUES
      (1, '[]', false, 'x'), (2, '[{"key":"custom"}]', true, 'x')`);
    const ref = await ensureDefaultRubric(db, 'demo');
    expect(ref).toMatchObject({ version: 2, created: false });
    expect(await db.query(sql`SELECT count(*) AS n FROM rubrics`)).toEqual([{ n: 2 }]);
  });
});
