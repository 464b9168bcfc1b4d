/**
 * A fingerprint of everything the dashboards read: fact row counts, finished imports, targets,
 * seller profiles and settings. It changes whenever a load, an edit or a setting could change a
 * figure, so a cached answer can be reused exactly as long as it is still right.
 *
 * Counting the fact tables scans them (≈ 0.1 s per 100 million rows, seconds on a busy machine),
 * which every Overview request would pay. On a `Database` the fingerprint is therefore computed
 * once per write generation (database.ts): DuckDB lets one process at a time open the file, so
 * while no statement of this process has written, the previous fingerprint still holds.
 *
 * Order lines are not counted (129 million rows at 100,000 sellers, 5× the rest together): they
 * change only through an import (the `imports` count and last finish move), the demo (which writes
 * sellers and seller-days with them) or a seller merge (the seller count moves), all counted here.
 */
import { Database, type Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';

const remembered = new WeakMap<Database, Map<string, { generation: number; version: Promise<string> }>>();

export function dataVersion(executor: Executor): Promise<string> {
  return oncePerWrite(executor, 'data', fingerprint);
}

/**
 * `stamp(executor)` computed once per write generation of a `Database` (see above), so asking for
 * a version costs nothing while nothing was written; on a transaction's executor it is computed
 * every time. `name` tells different stamps apart.
 */
export function oncePerWrite(executor: Executor, name: string, stamp: (executor: Executor) => Promise<string>): Promise<string> {
  if (!(executor instanceof Database)) return stamp(executor);
  // Read the generation before looking: a write that lands while the stamp is computed moves the
  // generation on, so the next caller computes again instead of trusting this one.
  const generation = executor.writeGeneration;
  let stamps = remembered.get(executor);
  if (!stamps) {
    stamps = new Map();
    remembered.set(executor, stamps);
  }
  const hit = stamps.get(name);
  if (hit && hit.generation === generation) return hit.version;
  const version = stamp(executor);
  const held = stamps;
  held.set(name, { generation, version });
  version.catch(() => {
    if (held.get(name)?.version === version) held.delete(name);
  });
  return version;
}

async function fingerprint(executor: Executor): Promise<string> {
  const [row] = await executor.query<{ version: string }>(sql`
    SELECT concat_ws('|',
      (SELECT count(*) FROM seller_days), (SELECT count(*) FROM livestreams),
      (SELECT count(*) FROM imports), (SELECT CAST(max(finished_at) AS VARCHAR) FROM imports),
      (SELECT count(*) FROM kpi_targets), (SELECT CAST(max(updated_at) AS VARCHAR) FROM kpi_targets),
      (SELECT count(*) FROM sellers), (SELECT CAST(max(updated_at) AS VARCHAR) FROM sellers),
      (SELECT count(*) FROM categories), (SELECT CAST(max(updated_at) AS VARCHAR) FROM settings)
    ) AS version`);
  return row?.version ?? '';
}
