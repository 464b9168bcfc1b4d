/** Test helpers for the workspace: two sellers, a workspace time zone, and a fixed clock for "today". */
import type { Database } from '../../src/core/db/database.ts';
import { sql } from '../../src/core/db/sql.ts';

export async function insertWorkspaceSellers(db: Database, timezone = 'UTC'): Promise<void> {
  await db.run(sql`INSERT INTO sellers (id, name, name_key) VALUES ('S1', 'Lumi Home', 'lumi home'), ('S2', 'Bright Care', 'bright care')`);
  await db.run(sql`INSERT OR REPLACE INTO settings (key, value) VALUES ('timezone', ${timezone})`);
}
