/** Schema version, settings and exact row counts of every table — for `aisle db info` and support. */
import type { Executor } from './database.ts';
import { sql } from './sql.ts';
import { getSettings, type WorkspaceSettings } from '../shared/settings.ts';

export interface DatabaseDescription {
  schemaVersion: number;
  settings: WorkspaceSettings;
  tables: { table: string; rows: number }[];
}

export async function describeDatabase(executor: Executor): Promise<DatabaseDescription> {
  const [version] = await executor.query<{ v: number | null }>(sql`SELECT max(version) AS v FROM schema_migrations`);
  const names = await executor.query<{ table_name: string }>(
    sql`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal ORDER BY table_name`,
  );
  const tables: { table: string; rows: number }[] = [];
  if (names.length > 0) {
    // Table names come from the catalog, never from input; one UNION query counts them all.
    const counts = sql.join(
      names.map(({ table_name }) => sql`SELECT ${table_name} AS "table", count(*) AS "rows" FROM ${sql.ident(table_name)}`),
      ' UNION ALL ',
    );
    tables.push(...(await executor.query<{ table: string; rows: number }>(sql`${counts} ORDER BY 1`)));
  }
  return { schemaVersion: version?.v ?? 0, settings: await getSettings(executor), tables };
}
