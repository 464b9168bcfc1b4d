import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../db/database.ts';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { makeTempDir } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { assignOwner, getSeller, updateSeller } from './registry.ts';

// Regression: with the foreign keys from sellers to categories and users, DuckDB refused to give a
// seller that had any history, communication, task or note an owner or a new category
// ("Violates foreign key constraint because key seller_id is still referenced").
describe('migration 005 on a workspace with data', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  const snapshot = () =>
    db.query(sql`SELECT (SELECT list(s ORDER BY s.id) FROM sellers s) AS sellers, (SELECT list(h ORDER BY h.id) FROM seller_history h) AS history,
      (SELECT list(c ORDER BY c.id) FROM communications c) AS communications, (SELECT list(t ORDER BY t.id) FROM tasks t) AS tasks,
      (SELECT list(n ORDER BY n.id) FROM notes n) AS notes`);

  beforeAll(async () => {
    tmp = await makeTempDir();
    const older = path.join(tmp.dir, 'migrations');
    await mkdir(older);
    for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f < '005')) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(older, file));
    db = await Database.open(path.join(tmp.dir, 'aisle.duckdb'));
    await migrate(db, older);
    await db.exec(TINY_DATASET);
    await db.exec(`INSERT INTO users (email, display_name, role) VALUES ('rina@shop.test', 'Rina', 'analyst');
      INSERT INTO seller_history (seller_id, field, old, new, "by", source) VALUES ('s1', 'city', NULL, 'Jakarta', 'import:x', 'import');
      INSERT INTO communications (seller_id, "at", channel, direction, subject, created_by) VALUES ('s1', TIMESTAMPTZ '2026-11-12 10:00:00+00', 'call', 'outbound', 'Live plan', 'rina@shop.test');
      INSERT INTO tasks (title, seller_id, tags, created_by) VALUES ('Send the live kit', 's1', ['live'], 'rina@shop.test');
      INSERT INTO notes (title, seller_id, created_by) VALUES ('Call notes', 's1', 'rina@shop.test');`);
    await db.checkpoint();
  });
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  it('keeps every row of the rebuilt tables, and a seller with history can then get an owner and a new category', async () => {
    const before = await snapshot();
    await expect(db.exec(`UPDATE sellers SET owner_user_id = 1 WHERE id = 's1'`)).rejects.toThrow(/foreign key/);
    expect((await migrate(db)).applied).toContain(5);
    expect(await snapshot()).toEqual(before);

    await assignOwner(db, CLI_ACTOR, ['s1'], 1);
    await updateSeller(db, CLI_ACTOR, 's1', { subcategory: 'skin_care' });
    expect(await getSeller(db, 's1')).toMatchObject({ owner_name: 'Rina', category: 'personal_care', subcategory: 'skin_care' });
    // The keys to sellers still hold, and the sequences go on where they were.
    await expect(db.exec(`INSERT INTO notes (title, seller_id, created_by) VALUES ('x', 'ghost', 'cli')`)).rejects.toThrow(/foreign key/);
    const [note] = await db.query<{ id: number }>(sql`INSERT INTO notes (title, seller_id, created_by) VALUES ('Next', 's1', 'cli') RETURNING id`);
    expect(note?.id).toBeGreaterThan(1);
  });
});
