import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { isUserError, type UserError } from '../shared/errors.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { deleteTarget, listTargets, setTargets, type TargetRowError } from './targets.ts';

const manager: Actor = { userId: null, label: 'maya@example.com', role: 'manager' };
let db: Database;

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await db.exec(TINY_DATASET);
});
afterAll(async () => db.close());

async function refusal(work: Promise<unknown>): Promise<UserError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

const count = async (): Promise<number> => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM kpi_targets`))[0]?.n ?? -1;

describe('setTargets', () => {
  it('inserts, then updates by metric × scope × period, canonicalising scopes and periods, and audits', async () => {
    const first = await setTargets(db, manager, [
      { metric: 'gmv', period: '2026-11', value: 3000 },
      { metric: 'gmv', scope: 'subcategory:KITCHEN', period: '2026-w47', value: 700 },
      { metric: 'orders', scope: 'seller:Glow Lab', period: '2026-11', value: 20 }, // by name
      { metric: 'engagement_rate', scope: 'seller_tier:a', period: '2026-11', value: 0.05 },
    ]);
    expect(first).toMatchObject({ created: 4, updated: 0 });
    const second = await setTargets(db, manager, [{ metric: 'gmv', scope: 'category', period: '2026-11', value: 3300 }]);
    expect(second).toMatchObject({ created: 0, updated: 1 });

    const targets = await listTargets(db);
    expect(targets.map((t) => [t.metric, t.scope, t.scopeLabel, t.period, t.value, t.updatedBy])).toEqual([
      ['gmv', 'subcategory:kitchen', 'Kitchen', '2026-W47', 700, 'maya@example.com'],
      ['gmv', 'category', 'Whole category', '2026-11', 3300, 'maya@example.com'],
      ['orders', 'seller:s2', 'Glow Lab', '2026-11', 20, 'maya@example.com'],
      ['engagement_rate', 'seller_tier:A', 'Tier A', '2026-11', 0.05, 'maya@example.com'],
    ]);
    const audit = await db.query<{ action: string; entity_id: string | null; before: unknown; after: unknown }>(
      sql`SELECT action, entity_id, before, after FROM audit_log WHERE entity = 'kpi_target' ORDER BY id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toEqual({
      action: 'update',
      entity_id: 'gmv|category|2026-11',
      before: { metric: 'gmv', scope: 'category', period: '2026-11', value: 3000 },
      after: { metric: 'gmv', scope: 'category', period: '2026-11', value: 3300 },
    });
  });

  it('refuses the whole batch, listing every problem with its row, column, value and reason', async () => {
    const before = await count();
    const error = await refusal(
      setTargets(db, manager, [
        { metric: 'gmv', period: '2026-12', value: 100 }, // fine on its own
        { metric: 'gmvv', period: '2026-12', value: 1 },
        { metric: 'gmv', scope: 'region:Jakarta', period: '2026-12', value: 1 },
        { metric: 'gmv', scope: 'subcategory:furniture', period: '2026-12', value: 1 },
        { metric: 'gmv', scope: 'seller_tier:Z', period: '2026-12', value: 1 },
        { metric: 'gmv', scope: 'seller:nobody', period: '2026-12', value: 1 },
        { metric: 'gmv', period: '2026-13', value: 1 },
        { metric: 'gmv', period: '2025-W53', value: 1 },
        { metric: 'gmv', period: '2026-W50', value: -5 },
        { metric: 'live_gmv_share', period: '2026-12', value: 3.4 },
        { metric: 'gmv', period: '2026-W51', value: Number.POSITIVE_INFINITY },
        { metric: 'gmv', scope: 'category', period: '2026-12', value: 200 },
      ]),
    );
    const errors = error.details?.errors as TargetRowError[];
    expect(errors).toEqual([
      { row: 2, column: 'metric', value: 'gmvv', message: 'not a metric in the catalog' },
      { row: 3, column: 'scope', value: 'region:Jakarta', message: 'not a scope: write category, subcategory:<id>, seller_tier:<tier> or seller:<id>' },
      { row: 4, column: 'scope', value: 'subcategory:furniture', message: 'no subcategory "furniture" in the taxonomy' },
      { row: 5, column: 'scope', value: 'seller_tier:Z', message: 'no seller has tier "Z" (tiers: A, B)' },
      { row: 6, column: 'scope', value: 'seller:nobody', message: 'no seller with id or name "nobody"' },
      { row: 7, column: 'period', value: '2026-13', message: 'not a month YYYY-MM or an ISO week YYYY-Www' },
      { row: 8, column: 'period', value: '2025-W53', message: '2025 has no ISO week 53' },
      { row: 9, column: 'value', value: '-5', message: 'a target cannot be negative' },
      { row: 10, column: 'value', value: '3.4', message: 'this rate is a share of a whole, a fraction from 0 to 1: write 0.034 or 3.4%' },
      { row: 11, column: 'value', value: 'Infinity', message: 'not a number' },
      { row: 12, column: 'period', value: '2026-12', message: 'the same metric, scope and period as row 1' },
    ]);
    expect(error.message).toMatch(/^targets: 11 problems, nothing was saved — row 2 metric "gmvv": not a metric in the catalog;/);
    expect(error.hint).toMatch(/^fix the rows listed and try again/);
    expect(await count()).toBe(before);
  });

  it('refuses an empty batch', async () => {
    expect((await refusal(setTargets(db, manager, []))).message).toBe('no targets given');
  });
});

describe('listTargets and deleteTarget', () => {
  it('filters by period, metric and scope', async () => {
    expect((await listTargets(db, { period: '2026-w47' })).map((t) => t.scope)).toEqual(['subcategory:kitchen']);
    expect((await listTargets(db, { metric: 'orders' })).map((t) => t.scope)).toEqual(['seller:s2']);
    expect((await listTargets(db, { scope: 'seller_tier:A', period: '2026-11' })).map((t) => [t.metric, t.from, t.to])).toEqual([
      ['engagement_rate', '2026-11-01', '2026-11-30'],
    ]);
    expect((await refusal(listTargets(db, { period: 'November' }))).message).toMatch(/not a month/);
  });

  it('deletes one target, audits it, and says when there is none', async () => {
    const removed = await deleteTarget(db, manager, { metric: 'gmv', scope: 'subcategory:kitchen', period: '2026-W47' });
    expect(removed).toEqual({ metric: 'gmv', scope: 'subcategory:kitchen', period: '2026-W47', value: 700 });
    expect(await listTargets(db, { period: '2026-W47' })).toEqual([]);
    const [audit] = await db.query<{ action: string; entity_id: string }>(sql`SELECT action, entity_id FROM audit_log WHERE action = 'delete'`);
    expect(audit).toEqual({ action: 'delete', entity_id: 'gmv|subcategory:kitchen|2026-W47' });
    const missing = await refusal(deleteTarget(db, manager, { metric: 'gmv', scope: 'subcategory:kitchen', period: '2026-W47' }));
    expect(missing.code).toBe('not_found');
  });
});
