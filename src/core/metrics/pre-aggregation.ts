/**
 * Pre-aggregations, in two levels, each built the first time a query reads it.
 *
 * Per day × seller attribute: the additive metrics of the big fact sources (seller-days,
 * livestreams) summed once per day and seller attribute (category, subcategory, tier, region), so
 * a request that groups or filters only by those and by period reads a few hundred thousand rows
 * instead of joining tens of millions of fact rows to the seller registry. Only metrics the
 * catalog declares additive (sums and counts) are pre-aggregated: a sum of daily sums is the sum.
 *
 * Per day × seller: the same additive metrics per day and seller, the seller as a small integer key
 * (`seller_keys`, numbered in the order of seller ids, with the seller's category, subcategory and
 * region), stored in day order so a date range reads only its part. It answers per-seller requests
 * (grouping integers instead of seller-id strings, joining sources on integers) and distinct
 * sellers (live, engaged) by period and those attributes: a row per seller and day exists exactly
 * when the facts have one, so distinct keys are distinct sellers. A per-seller answer comes back
 * without the seller's id and name: `queryMetrics` names each key from the dictionary held in memory
 * for the build that answered (`SellerDictionary`), which costs far less than reading ~100,000
 * strings out of DuckDB per request. Maxima, other distinct counts, order lines, channels, hosts
 * and sessions always read the facts.
 *
 * The tables live in in-memory databases attached to the workspace's DuckDB (nothing is added
 * to the file) and are rebuilt whenever the data they summarise may have changed: the workspace's
 * data version (kpis/data-version.ts: fact counts, imports, seller edits, settings), plus, for the
 * per-attribute level, the computed seller segments (the tier dimension reads them). A query that
 * needs them waits for a rebuild; one built for an older version is never read.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { dataVersion } from '../kpis/data-version.ts';
import { getDimension, METRICS } from './catalog/index.ts';
import { SELLER_ACTIVITY_BY_SELLER, SOURCE_DATE, SOURCE_FROM, SOURCE_SELLER, SOURCE_TABLE } from './catalog/dimensions.ts';
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
/**
 * The per-seller tables and their dictionary live in a second in-memory database, compressed like a
 * database file (a row per seller and day would otherwise take GBs); the small per-attribute tables
 * stay uncompressed, where 128-bit sums scan ~20× faster.
 */
const SELLER_SCHEMA = 'aisle_seller_rollups';
/** Column of the per-seller pre-aggregations holding the seller's integer key (`seller_keys.key`). */
export const ROLLUP_SELLER_KEY = 'seller_key';
/**
 * The dimensions a per-seller pre-aggregation answers besides the day: the seller itself, and the
 * seller attributes the dictionary (`seller_keys`) holds next to each key. Not the tier: it reads
 * the computed segments, which every segment recompute (after each import) rewrites — the
 * per-seller level is rebuilt only when the data changes.
 */
export const SELLER_ROLLUP_DIMENSIONS: readonly string[] = ['seller', 'category', 'subcategory', 'region'];
/**
 * Sources answered per seller and day: the two tables, and the days of seller activity read from
 * them (catalog: SELLER_ACTIVITY_BY_SELLER).
 */
export const SELLER_ROLLUP_SOURCES: readonly FactSource[] = [...ROLLUP_SOURCES, 'seller_activity'];
/** Every source some pre-aggregation can answer (what `queryMetrics` lets the compiler read). */
export const PRE_AGGREGATED_SOURCES: readonly FactSource[] = SELLER_ROLLUP_SOURCES;

/** The pre-aggregated table of a source, e.g. `aisle_rollups.seller_days`. */
export function rollupTable(source: FactSource): Sql {
  return sql`${sql.ident(SCHEMA)}.${sql.ident(source)}`;
}

/** The per-seller pre-aggregated table of a source, e.g. `aisle_seller_rollups.seller_days_by_seller`. */
export function sellerRollupTable(source: FactSource): Sql {
  return sql`${sql.ident(SELLER_SCHEMA)}.${sql.ident(`${source}_by_seller`)}`;
}

/** What a source's per-seller CTE reads from: its table, or the activity days read from both tables. */
export function sellerRollupFrom(source: FactSource): Sql {
  if (source !== 'seller_activity') return sellerRollupTable(source);
  const text = SELLER_ACTIVITY_BY_SELLER.replace(/\{(\w+)\}/g, (_, name: string) => sellerRollupTable(name as FactSource).toQuery().text);
  return sql.raw(text);
}

/**
 * Every seller with its integer key (1, 2, … in the order of seller ids), id, name and the
 * attributes of `SELLER_ROLLUP_DIMENSIONS` (a column each, named after the dimension).
 */
export const SELLER_KEYS_TABLE: Sql = sql`${sql.ident(SELLER_SCHEMA)}.${sql.ident('seller_keys')}`;
/** One row, one column `build`: the build the tables belong to (see `SellerDictionary.build`). */
export const ROLLUP_BUILD_TABLE: Sql = sql`${sql.ident(SELLER_SCHEMA)}.${sql.ident('build')}`;

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

/** How a per-seller pre-aggregation answers a metric: a sum of a held column, or distinct seller keys. */
export type SellerRollupMetric = 'sum' | 'distinctSellers';

/**
 * How a source's metric is answered per seller and day, or null when it cannot be: an additive
 * metric held for the source, or a distinct count of the source's seller (a row per seller and day
 * exists exactly when the source has a row for that seller on that day).
 */
export function sellerRollupMetric(source: FactSource, metric: { name: string; source: FactSource; expr: string; type: BaseMetric['type'] }): SellerRollupMetric | null {
  if (!SELLER_ROLLUP_SOURCES.includes(source) || metric.source !== source) return null;
  if (metric.type === 'countDistinct') return metric.expr === SOURCE_SELLER[source] ? 'distinctSellers' : null;
  if (!ROLLUP_SOURCES.includes(source)) return null;
  return rollupMetrics(source).find((held) => held.name === metric.name)?.expr === metric.expr ? 'sum' : null;
}

/**
 * Whether a source's part of a request can be answered from the per-seller pre-aggregations:
 * every metric is (see `sellerRollupMetric`), and every dimension is the period or one the
 * dictionary answers.
 */
export function sellerRollupFits(
  source: FactSource,
  metrics: { name: string; source: FactSource; expr: string; type: BaseMetric['type'] }[],
  dimensions: string[],
): boolean {
  return (
    SELLER_ROLLUP_SOURCES.includes(source) &&
    metrics.every((metric) => sellerRollupMetric(source, metric) !== null) &&
    dimensions.every((dimension) => dimension === 'period' || SELLER_ROLLUP_DIMENSIONS.includes(dimension))
  );
}

function aggregates(source: FactSource): Sql[] {
  return rollupMetrics(source).map(
    (metric) => sql`${sql.raw(metric.type === 'count' ? `COUNT(${metric.expr})` : `SUM(${metric.expr})`)} AS ${sql.ident(metric.name)}`,
  );
}

function buildStatement(source: FactSource): string {
  const dimensions = ROLLUP_DIMENSIONS.map((name) => {
    const expr = getDimension(name).exprBySource[source];
    if (!expr) throw new Error(`pre-aggregated dimension ${name} has no expression for ${source}`);
    return sql`${sql.raw(expr)} AS ${sql.ident(name)}`;
  });
  const groupBy = Array.from({ length: ROLLUP_DIMENSIONS.length + 1 }, (_, i) => i + 1).join(', ');
  const statement = sql`CREATE OR REPLACE TABLE ${rollupTable(source)} AS
    SELECT ${sql.raw(SOURCE_DATE[source])} AS ${sql.ident(ROLLUP_DAY)}, ${sql.join(dimensions)}, ${sql.join(aggregates(source))},
      count(*) AS ${sql.ident(ROLLUP_ROWS)}
    FROM ${sql.raw(SOURCE_FROM[source])}
    GROUP BY ${sql.raw(groupBy)}`;
  return statement.toQuery().text; // catalog text only: nothing is bound
}

/** The seller dictionary: keys numbered in id order, so ordering by key is ordering by id. */
function sellerKeysStatement(table: Sql): string {
  const attributes = SELLER_ROLLUP_DIMENSIONS.filter((name) => name !== 'seller').map((name) => {
    const expr = getDimension(name).exprBySource.seller_starts; // the seller row itself (`sellers s`)
    if (!expr) throw new Error(`dimension ${name} has no expression on the seller`);
    return sql`${sql.raw(expr)} AS ${sql.ident(name)}`;
  });
  return sql`CREATE OR REPLACE TABLE ${table} AS
    SELECT CAST(row_number() OVER (ORDER BY s.id) AS INTEGER) AS key, s.id, s.name, ${sql.join(attributes)}
    FROM ${sql.raw(SOURCE_FROM.seller_starts)} ORDER BY key`.toQuery().text;
}

/**
 * Sources with at most one row per seller and day (`seller_days`: its key is seller and date):
 * their per-seller table copies each row's values instead of grouping ~20 million rows.
 */
const ONE_ROW_PER_SELLER_DAY: readonly FactSource[] = ['seller_days'];

/**
 * The type a per-seller column is stored as: a day's sum for one seller in the width of the
 * values summed (DECIMAL(18, s) for money, INTEGER or BIGINT for counts), so queries add 64-bit
 * integers instead of the 128-bit ones SUM returns. A value too large fails the build loudly.
 */
function storageType(valueType: string): string {
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(valueType);
  if (decimal) return Number(decimal[1]) <= 18 ? `DECIMAL(18, ${decimal[2]})` : valueType;
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(valueType)) return 'INTEGER';
  if (valueType === 'BIGINT') return 'BIGINT';
  return valueType;
}

/**
 * A source's additive metrics per day and seller key, in day order (a date range then reads only
 * the row groups it needs). Every fact's seller is in the registry (a foreign key), so the inner
 * join to the dictionary loses no row. `valueTypes` are the types of the metric expressions.
 */
function sellerBuildStatement(source: FactSource, table: Sql, keys: Sql, valueTypes: Map<string, string>): string {
  const single = ONE_ROW_PER_SELLER_DAY.includes(source);
  const columns = rollupMetrics(source).map((metric) => {
    const value = metric.type === 'count' ? 'INTEGER' : storageType(valueTypes.get(metric.name) ?? 'DOUBLE');
    const aggregate = single
      ? metric.type === 'count'
        ? `CASE WHEN ${metric.expr} IS NULL THEN 0 ELSE 1 END`
        : metric.expr
      : `${metric.type === 'count' ? 'COUNT' : 'SUM'}(${metric.expr})`;
    return sql`CAST(${sql.raw(aggregate)} AS ${sql.raw(value)}) AS ${sql.ident(metric.name)}`;
  });
  const statement = sql`CREATE OR REPLACE TABLE ${table} AS
    SELECT ${sql.raw(SOURCE_DATE[source])} AS ${sql.ident(ROLLUP_DAY)}, k.key AS ${sql.ident(ROLLUP_SELLER_KEY)}, ${sql.join(columns)},
      CAST(${sql.raw(single ? '1' : 'count(*)')} AS INTEGER) AS ${sql.ident(ROLLUP_ROWS)}
    FROM ${sql.raw(SOURCE_TABLE[source])} JOIN ${keys} k ON k.id = ${sql.raw(SOURCE_SELLER[source])}
    ${single ? sql.empty : sql`GROUP BY 1, 2`} ORDER BY 1, 2`;
  return statement.toQuery().text;
}

/** The types of a source's additive metric expressions, as DuckDB works them out. */
async function metricTypes(db: Executor, source: FactSource): Promise<Map<string, string>> {
  const selects = rollupMetrics(source).map((metric) => sql`${sql.raw(metric.expr)} AS ${sql.ident(metric.name)}`);
  const described = await db.query<{ column_name: string; column_type: string }>(
    sql`DESCRIBE SELECT ${sql.join(selects)} FROM ${sql.raw(SOURCE_TABLE[source])}`,
  );
  return new Map(described.map((row) => [row.column_name, row.column_type]));
}

/**
 * The seller ids and names of one build, indexed by seller key (index 0 unused): what
 * `queryMetrics` names a per-seller answer's keys with. `build` tells which tables it belongs to.
 */
export interface SellerDictionary {
  build: number;
  ids: string[];
  names: string[];
}

const keys = new WeakMap<Database, { generation: number; key: Promise<{ data: string; segments: string }> }>();

/**
 * What the pre-aggregations summarise: the data version and the computed segments (read by the
 * tier of the per-attribute level only). Worked out
 * again only after a write (see `Database.writeGeneration`), like the data version itself.
 */
function freshnessKey(db: Database): Promise<{ data: string; segments: string }> {
  const generation = db.writeGeneration;
  const known = keys.get(db);
  if (known && known.generation === generation) return known.key;
  const key = (async () => {
    const [segments] = await db.query<{ stamp: string }>(sql`
      SELECT concat_ws('|', count(*), CAST(max(computed_at) AS VARCHAR)) AS stamp FROM seller_segments`);
    return { data: await dataVersion(db), segments: segments?.stamp ?? '' };
  })();
  keys.set(db, { generation, key });
  key.catch(() => {
    if (keys.get(db)?.key === key) keys.delete(db);
  });
  return key;
}

/** The two levels of pre-aggregation, built (and rebuilt) only once a query needs them. */
export type RollupLevel = 'attributes' | 'sellers';

const built = new WeakMap<Database, Map<RollupLevel, { key: string; done: Promise<SellerDictionary | null> }>>();
/** Each database's last build: builds run one after another, never side by side. */
const lastBuild = new WeakMap<Database, Promise<unknown>>();
let builds = 0;

// Builds write only the attached in-memory databases (Database.inMemoryOnly): the data versions
// computed before a build stay valid.
async function buildAttributes(db: Database): Promise<null> {
  await db.inMemoryOnly(async (rollups) => {
    await rollups.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${SCHEMA}`);
    for (const source of ROLLUP_SOURCES) await rollups.exec(buildStatement(source));
  });
  return null;
}

async function buildSellers(db: Database): Promise<SellerDictionary> {
  builds += 1;
  const stamp = builds;
  return db.inMemoryOnly((rollups) => buildSellerTables(rollups, stamp));
}

async function buildSellerTables(db: Executor, stamp: number): Promise<SellerDictionary> {
  await db.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${SELLER_SCHEMA} (COMPRESS)`);
  // The per-seller tables are built beside the current ones and compressed (at a checkpoint) one
  // at a time, then swapped in with the dictionary and the build stamp in one transaction: a
  // query reads one build's keys, never a mix.
  const next = (name: string) => sql`${sql.ident(SELLER_SCHEMA)}.${sql.ident(`${name}__next`)}`;
  await db.exec(sellerKeysStatement(next('seller_keys')));
  for (const source of ROLLUP_SOURCES) {
    const types = await metricTypes(db, source);
    await db.exec(sellerBuildStatement(source, next(`${source}_by_seller`), next('seller_keys'), types));
    await db.exec(`CHECKPOINT ${SELLER_SCHEMA}`);
  }
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const name of ['seller_keys', ...ROLLUP_SOURCES.map((source) => `${source}_by_seller`)]) {
      await db.exec(`DROP TABLE IF EXISTS ${SELLER_SCHEMA}.${name}; ALTER TABLE ${SELLER_SCHEMA}.${name}__next RENAME TO ${name}`);
    }
    await db.exec(`CREATE OR REPLACE TABLE ${ROLLUP_BUILD_TABLE.toQuery().text} AS SELECT ${stamp} AS build`);
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.exec(`CHECKPOINT ${SELLER_SCHEMA}`);
  const ids: string[] = [''];
  const names: string[] = [''];
  const rows = await db.query<{ key: number; id: string; name: string }>(sql`SELECT key, id, name FROM ${SELLER_KEYS_TABLE} ORDER BY key`);
  for (const row of rows) {
    ids[row.key] = row.id;
    names[row.key] = row.name;
  }
  return { build: stamp, ids, names };
}

function ensureLevel(db: Database, level: RollupLevel, key: string): Promise<SellerDictionary | null> {
  const levels = built.get(db) ?? new Map<RollupLevel, { key: string; done: Promise<SellerDictionary | null> }>();
  built.set(db, levels);
  const current = levels.get(level);
  if (current && current.key === key) return current.done;
  const previous = lastBuild.get(db)?.catch(() => undefined) ?? Promise.resolve();
  const done = previous.then(() => (level === 'sellers' ? buildSellers(db) : buildAttributes(db)));
  levels.set(level, { key, done });
  lastBuild.set(db, done);
  done.catch(() => {
    if (levels.get(level)?.done === done) levels.delete(level);
  });
  return done;
}

/**
 * Makes the pre-aggregations of the given levels match the workspace's current data, rebuilding
 * them when it changed; concurrent callers share one rebuild, and rebuilds never overlap. Gives
 * the seller dictionary of the per-seller level when it was asked for.
 */
export async function ensureRollups(db: Database, levels: readonly RollupLevel[] = ['attributes', 'sellers']): Promise<SellerDictionary | undefined> {
  const key = await freshnessKey(db);
  const done = levels.map((level) => ensureLevel(db, level, level === 'sellers' ? key.data : `${key.data}#${key.segments}`));
  let dictionary: SellerDictionary | undefined;
  for (const result of await Promise.all(done)) if (result) dictionary = result;
  return dictionary;
}
