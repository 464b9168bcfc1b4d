/**
 * Pre-aggregations: the additive metrics of the big fact sources (seller-days, livestreams) summed
 * once per day and seller attribute (category, subcategory, tier, region), so a request that
 * groups or filters only by those and by period reads a few hundred thousand rows instead of
 * joining tens of millions of fact rows to the seller registry. Only metrics the catalog declares
 * additive (sums and counts) are pre-aggregated: a sum of daily sums is the sum. Distinct counts,
 * maxima, per-seller and per-session requests always read the facts.
 *
 * The tables live in an in-memory database attached to the workspace's DuckDB (nothing is added
 * to the file) and are rebuilt whenever the data they summarise may have changed: the workspace's
 * data version (kpis/data-version.ts: fact counts, imports, seller edits, settings) plus the
 * computed seller segments (the tier dimension reads them). A query that needs them waits for a
 * rebuild; one built for an older version is never read.
 */
import type { Database } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { dataVersion } from '../kpis/data-version.ts';
import { getDimension, METRICS } from './catalog/index.ts';
import { SOURCE_DATE, SOURCE_FROM } from './catalog/dimensions.ts';
import type { BaseMetric, FactSource } from './types.ts';

/** The sources that have a pre-aggregation. */
export const ROLLUP_SOURCES: readonly FactSource[] = ['seller_days', 'livestreams'];
/** The dimensions a pre-aggregation keeps besides the day. */
export const ROLLUP_DIMENSIONS: readonly string[] = ['category', 'subcategory', 'seller_tier', 'region'];
/** Column holding the day (the source's date) in every pre-aggregation. */
export const ROLLUP_DAY = 'day';
/** Column counting the source rows behind each pre-aggregated row. */
export const ROLLUP_ROWS = '__rows';
const SCHEMA = 'aisle_rollups';

/** The pre-aggregated table of a source, e.g. `aisle_rollups.seller_days`. */
export function rollupTable(source: FactSource): Sql {
  return sql`${sql.ident(SCHEMA)}.${sql.ident(source)}`;
}

/** Base metrics a source's pre-aggregation holds: the additive sums and counts read from that source itself. */
export function rollupMetrics(source: FactSource): BaseMetric[] {
  return [...METRICS.values()].filter(
    (metric): metric is BaseMetric => (metric.type === 'sum' || metric.type === 'count') && metric.additive && metric.source === source,
  );
}

/**
 * Whether a source's part of a request can be answered from its pre-aggregation: every metric is
 * held there as read from the source itself, and every dimension is the period or a kept one.
 */
export function rollupFits(source: FactSource, metrics: { name: string; source: FactSource; expr: string }[], dimensions: string[]): boolean {
  if (!ROLLUP_SOURCES.includes(source)) return false;
  const held = new Map(rollupMetrics(source).map((metric) => [metric.name, metric]));
  return (
    metrics.every((metric) => metric.source === source && held.get(metric.name)?.expr === metric.expr) &&
    dimensions.every((dimension) => dimension === 'period' || ROLLUP_DIMENSIONS.includes(dimension))
  );
}

function buildStatement(source: FactSource): string {
  const dimensions = ROLLUP_DIMENSIONS.map((name) => {
    const expr = getDimension(name).exprBySource[source];
    if (!expr) throw new Error(`pre-aggregated dimension ${name} has no expression for ${source}`);
    return sql`${sql.raw(expr)} AS ${sql.ident(name)}`;
  });
  const aggregates = rollupMetrics(source).map(
    (metric) => sql`${sql.raw(metric.type === 'count' ? `COUNT(${metric.expr})` : `SUM(${metric.expr})`)} AS ${sql.ident(metric.name)}`,
  );
  const groupBy = Array.from({ length: ROLLUP_DIMENSIONS.length + 1 }, (_, i) => i + 1).join(', ');
  const statement = sql`CREATE OR REPLACE TABLE ${rollupTable(source)} AS
    SELECT ${sql.raw(SOURCE_DATE[source])} AS ${sql.ident(ROLLUP_DAY)}, ${sql.join(dimensions)}, ${sql.join(aggregates)},
      count(*) AS ${sql.ident(ROLLUP_ROWS)}
    FROM ${sql.raw(SOURCE_FROM[source])}
    GROUP BY ${sql.raw(groupBy)}`;
  return statement.toQuery().text; // catalog text only: nothing is bound
}

const keys = new WeakMap<Database, { generation: number; key: Promise<string> }>();

/**
 * What the pre-aggregations summarise: the data version and the computed segments. Worked out
 * again only after a write (see `Database.writeGeneration`), like the data version itself.
 */
function freshnessKey(db: Database): Promise<string> {
  const generation = db.writeGeneration;
  const known = keys.get(db);
  if (known && known.generation === generation) return known.key;
  const key = (async () => {
    const [segments] = await db.query<{ stamp: string }>(sql`
      SELECT concat_ws('|', count(*), CAST(max(computed_at) AS VARCHAR)) AS stamp FROM seller_segments`);
    return `${await dataVersion(db)}#${segments?.stamp ?? ''}`;
  })();
  keys.set(db, { generation, key });
  key.catch(() => {
    if (keys.get(db)?.key === key) keys.delete(db);
  });
  return key;
}

const built = new WeakMap<Database, { key: string; done: Promise<void> }>();

async function build(db: Database): Promise<void> {
  await db.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${SCHEMA}`);
  for (const source of ROLLUP_SOURCES) await db.exec(buildStatement(source));
}

/**
 * Makes the pre-aggregations match the workspace's current data, rebuilding them when it changed;
 * concurrent callers share one rebuild, and rebuilds never overlap.
 */
export async function ensureRollups(db: Database): Promise<void> {
  const key = await freshnessKey(db);
  const current = built.get(db);
  if (current && current.key === key) return current.done;
  const previous = current?.done.catch(() => undefined) ?? Promise.resolve();
  const done = previous.then(() => build(db));
  built.set(db, { key, done });
  done.catch(() => {
    if (built.get(db)?.done === done) built.delete(db);
  });
  return done;
}
