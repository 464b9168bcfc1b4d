import { afterAll, describe, expect, it } from 'vitest';
import { Database, queryOne } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { generateDemo, type DemoOptions } from './generate-demo.ts';

// Same seed → the same data, byte for byte; another seed → other data; a rerun → the same database.
// Only wall-clock columns are left out of the fingerprint: seller_days.updated_at (set by the shared
// refresh), rubrics.created_at, settings.updated_at and the `demo.generated` record with its timestamp.
const TABLES: Record<string, { exclude?: string[]; where?: string }> = {
  categories: {},
  sellers: {},
  products: {},
  order_lines: {},
  seller_days: { exclude: ['updated_at'] },
  livestreams: {},
  livestream_minutes: {},
  communications: {},
  tasks: {},
  notes: {},
  rubrics: { exclude: ['created_at'] },
  livestream_reviews: {},
  settings: { exclude: ['updated_at'], where: "key <> 'demo.generated'" },
};

const OPTIONS: DemoOptions = { sellers: 60, days: 45, seed: 42, end: '2026-03-15' };
const opened: Database[] = [];

async function freshDemo(options: DemoOptions = OPTIONS): Promise<Database> {
  const db = await Database.open(':memory:');
  opened.push(db);
  await migrate(db);
  await generateDemo(db, options);
  return db;
}

async function fingerprint(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, { exclude, where }] of Object.entries(TABLES)) {
    const columns = exclude ? sql.raw(`* EXCLUDE (${exclude.join(', ')})`) : sql.raw('*');
    const filter = where ? sql.raw(`WHERE ${where}`) : sql.empty;
    const row = await queryOne<{ n: number; h: string }>(
      db,
      sql`
      SELECT count(*) AS n, CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) AS h
      FROM (SELECT ${columns} FROM ${sql.ident(table)} ${filter}) t`,
    );
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

afterAll(async () => {
  for (const db of opened) await db.close();
});

describe('demo determinism', () => {
  it('gives byte-identical data for the same seed in two fresh databases', async () => {
    const a = await fingerprint(await freshDemo());
    const b = await fingerprint(await freshDemo());
    expect(b).toEqual(a);
    for (const [table, value] of Object.entries(a)) expect(value.startsWith('0:'), table).toBe(false);
  });

  it('gives different data for a different seed', async () => {
    const a = await fingerprint(await freshDemo());
    const c = await fingerprint(await freshDemo({ ...OPTIONS, seed: 43 }));
    for (const table of ['sellers', 'products', 'order_lines', 'seller_days', 'livestreams', 'tasks']) {
      expect(c[table], table).not.toEqual(a[table]);
    }
  });

  it('rebuilds the same database when run again, keeping what people wrote and the sequences ahead', async () => {
    const db = await freshDemo();
    const before = await fingerprint(db);
    await db.exec(`
      INSERT INTO notes (title, body_md, created_by) VALUES ('Team retro', '# notes', 'lead@example.com');
      INSERT INTO tasks (title, created_by) VALUES ('Plan Q2', 'lead@example.com');`);
    await generateDemo(db, OPTIONS);
    const kept = await db.query<{ title: string }>(sql`
      SELECT title FROM notes WHERE created_by <> 'demo' UNION ALL SELECT title FROM tasks WHERE created_by <> 'demo'`);
    expect(kept.map((r) => r.title).sort()).toEqual(['Plan Q2', 'Team retro']);
    await db.exec(
      `DELETE FROM notes WHERE created_by <> 'demo'; DELETE FROM tasks WHERE created_by <> 'demo'`,
    );
    const after = await fingerprint(db);
    // Rows written after the kept ones are numbered after them; everything else is identical.
    const { tasks: _t, notes: _n, ...rest } = after;
    const { tasks: _bt, notes: _bn, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // The app's own inserts still get fresh ids after a demo.
    await db.exec(`INSERT INTO tasks (title, created_by) VALUES ('After demo', 'lead@example.com')`);
    await db.exec(`INSERT INTO communications (seller_id, "at", channel, direction, subject, created_by)
      SELECT id, now(), 'call', 'outbound', 'Hello', 'lead@example.com' FROM sellers LIMIT 1`);
    // The index a session's minutes are found through is there again after the rerun (clearing drops it).
    expect(await db.query(sql`SELECT index_name FROM duckdb_indexes() WHERE table_name = 'livestream_minutes'`)).toEqual([
      { index_name: 'livestream_minutes_session_idx' },
    ]);
  });

  it('gives the same data whether it is built in one transaction or committed chunk by chunk', async () => {
    const whole = await fingerprint(await freshDemo());
    const chunked = await fingerprint(await freshDemo({ ...OPTIONS, chunkDays: 7 }));
    expect(chunked).toEqual(whole);
  });

  it('rebuilds an identical database on a plain rerun', async () => {
    const db = await freshDemo();
    const before = await fingerprint(db);
    await generateDemo(db, OPTIONS);
    expect(await fingerprint(db)).toEqual(before);
  });
});
