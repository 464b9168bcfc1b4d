/**
 * A fingerprint of everything the dashboards read: fact row counts, finished imports, targets,
 * seller profiles and settings. It changes whenever a load, an edit or a setting could change a
 * figure, and costs a few milliseconds (row counts come from table statistics; the other tables
 * are small), so a cached answer can be reused exactly as long as it is still right.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';

export async function dataVersion(executor: Executor): Promise<string> {
  const [row] = await executor.query<{ version: string }>(sql`
    SELECT concat_ws('|',
      (SELECT count(*) FROM seller_days), (SELECT count(*) FROM livestreams), (SELECT count(*) FROM order_lines),
      (SELECT count(*) FROM imports), (SELECT CAST(max(finished_at) AS VARCHAR) FROM imports),
      (SELECT count(*) FROM kpi_targets), (SELECT CAST(max(updated_at) AS VARCHAR) FROM kpi_targets),
      (SELECT count(*) FROM sellers), (SELECT CAST(max(updated_at) AS VARCHAR) FROM sellers),
      (SELECT count(*) FROM categories), (SELECT CAST(max(updated_at) AS VARCHAR) FROM settings)
    ) AS version`);
  return row?.version ?? '';
}
