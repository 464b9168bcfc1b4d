/**
 * Mapping profiles: the column mapping last used for an export of the same shape (same normalised
 * headers), so next week's file maps itself. Saved with each successful load.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { PreparedFile } from './prepare-file.ts';

export async function loadMappingProfile(executor: Executor, kind: string, signature: string): Promise<Record<string, string | null> | null> {
  const [row] = await executor.query<{ mapping: Record<string, string | null> }>(
    sql`SELECT mapping FROM import_mapping_profiles WHERE kind = ${kind} AND signature = ${signature}`,
  );
  return row?.mapping ?? null;
}

export async function saveMappingProfile(executor: Executor, kind: string, prepared: PreparedFile, by: string): Promise<void> {
  const mapping: Record<string, string | null> = Object.fromEntries(prepared.headers.map((h) => [h, null]));
  for (const column of prepared.columns) mapping[column.header] = column.field;
  await executor.run(sql`
    INSERT INTO import_mapping_profiles (kind, signature, mapping, header_row, sheet, updated_by)
    VALUES (${kind}, ${prepared.signature}, ${JSON.stringify(mapping)}, ${prepared.headerRow}, ${prepared.sheet}, ${by})
    ON CONFLICT (kind, signature) DO UPDATE SET mapping = excluded.mapping, header_row = excluded.header_row,
      sheet = excluded.sheet, updated_by = excluded.updated_by, updated_at = now()`);
}
