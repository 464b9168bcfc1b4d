/**
 * Compiles a metric request (metrics × dimensions × filters × grain × date range) into one SQL
 * statement: one aggregate per fact source at exactly the requested grain, joined on the
 * dimensions, with ratio metrics computed from the joined sums (never an average of ratios).
 * Every identifier comes from the catalog; every request value is a bound parameter.
 */
import type { Dialect, Grain } from '../db/dialect/index.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { baseMetricsOf, getDimension, getMetric } from './catalog/index.ts';
import { readsSeller, SOURCE_DATE, SOURCE_FROM, SOURCE_TABLE } from './catalog/dimensions.ts';
import type { BaseMetric, FactSource, MetricDefinition } from './types.ts';
import {
  ROLLUP_BUILD_TABLE,
  ROLLUP_DAY,
  ROLLUP_ROWS,
  ROLLUP_SELLER_KEY,
  rollupFits,
  rollupTable,
  SELLER_KEYS_TABLE,
  sellerRollupFits,
  sellerRollupFrom,
  sellerRollupMetric,
  type RollupLevel,
} from './pre-aggregation.ts';

/** A base metric as read for one request: the source chosen for the requested dimensions. */
interface ResolvedMetric {
  name: string;
  source: FactSource;
  expr: string;
  type: BaseMetric['type'];
}

/** Hidden output column saying whether a row's value includes an approximate part. */
export const APPROXIMATE_PREFIX = '__approximate_';
/** Hidden output column of an answer keyed by seller key: the pre-aggregations' build that answered. */
export const ROLLUP_BUILD_COLUMN = '__rollup_build';
import { normalizeRequest, type MetricRequest, type NormalizedRequest } from './metric-request.ts';

export interface CompiledQuery {
  request: NormalizedRequest;
  query: Sql;
  /** Output columns in order: dimension columns, then metric columns. */
  columns: string[];
  /** Sources read from their pre-aggregation (pre-aggregation.ts) instead of the facts. */
  rollups: FactSource[];
  /**
   * The `seller` column holds the per-seller pre-aggregations' integer seller key and there is no
   * `seller_name` column: the caller names each key from the `SellerDictionary` of the build the
   * hidden `ROLLUP_BUILD_COLUMN` gives (pre-aggregation.ts).
   */
  sellerKeys: boolean;
  /** The pre-aggregation levels the query reads (for `ensureRollups`). */
  rollupLevels: RollupLevel[];
}

export interface CompileOptions {
  /** Sources whose pre-aggregation may be read (the caller makes sure it is fresh). Default: none. */
  rollups?: readonly FactSource[];
}

function aggregate(dialect: Dialect, metric: ResolvedMetric): Sql {
  const expr = sql.raw(metric.expr);
  switch (metric.type) {
    case 'sum':
      return sql`SUM(${expr})`;
    case 'max':
      return sql`MAX(${expr})`;
    case 'count':
      return sql`COUNT(${expr})`;
    case 'countDistinct':
      return dialect.countDistinct(expr);
    default: {
      const unknown: never = metric.type;
      throw new Error(`unknown aggregate type ${String(unknown)}`);
    }
  }
}

function dimensionExpr(dialect: Dialect, name: string, source: FactSource, grain: Grain | null): Sql {
  if (name === 'period') return dialect.dateTrunc(grain ?? 'day', sql.raw(SOURCE_DATE[source]));
  const expr = getDimension(name).exprBySource[source];
  if (!expr) throw new Error(`dimension ${name} has no expression for ${source}`);
  return sql.raw(expr);
}

function appliesTo(dimension: string, source: FactSource): boolean {
  return dimension === 'period' || getDimension(dimension).exprBySource[source] !== undefined;
}

/** The metric's own source when every requested dimension applies to it, else its first alternative that fits. */
function resolveMetric(metric: BaseMetric, dimensions: string[]): ResolvedMetric {
  const candidates = [{ source: metric.source, expr: metric.expr, type: metric.type }, ...(metric.alternatives ?? [])];
  const fit = candidates.find((candidate) => dimensions.every((d) => appliesTo(d, candidate.source)));
  if (!fit) {
    const dimension = dimensions.find((d) => !appliesTo(d, metric.source)) ?? '';
    const splits = [...new Set(Object.keys(getDimension(dimension).exprBySource))];
    throw new UserError(`dimension "${dimension}" does not apply to ${metric.name}`, {
      hint: `"${dimension}" splits metrics read from ${splits.join(', ')} only; query ${metric.name} without it`,
      details: { dimension, metric: metric.name },
    });
  }
  return { name: metric.name, source: fit.source, expr: fit.expr, type: fit.type ?? metric.type };
}

/** Hidden column counting a source's rows per group: tells "no rows" (0) from "no values reported" (null). */
const ROWS_COLUMN = '__rows';

/**
 * A metric's value from the joined sources. A group the source has no rows for counts 0 (a
 * subcategory without sessions had 0 live sessions); a sum over rows that all left the value
 * empty stays null (views not reported is not 0 views) — nothing is silently coerced to 0.
 */
function outputExpr(dialect: Dialect, metric: MetricDefinition, resolved: Map<string, ResolvedMetric>): Sql {
  if (metric.type === 'combined') {
    const parts = metric.parts.map((part) => outputExpr(dialect, getMetric(part), resolved));
    const allEmpty = sql.join(parts.map((part) => sql`${part} IS NULL`), ' AND ');
    const total = sql.join(parts.map((part) => sql`coalesce(${part}, 0)`), ' + ');
    return sql`(CASE WHEN ${allEmpty} THEN NULL ELSE ${total} END)`;
  }
  if (metric.type === 'ratio') {
    const ratio = dialect.safeDivide(
      outputExpr(dialect, getMetric(metric.numerator), resolved),
      outputExpr(dialect, getMetric(metric.denominator), resolved),
    );
    return metric.scale ? sql`(${ratio} * ${sql.raw(String(metric.scale))})` : ratio;
  }
  const base = resolved.get(metric.name);
  if (!base) throw new Error(`metric ${metric.name} was not resolved`);
  const cte = sql.ident(`src_${base.source}`);
  const column = sql`${cte}.${sql.ident(metric.name)}`;
  if (metric.type === 'max') return column;
  return sql`(CASE WHEN coalesce(${cte}.${sql.ident(ROWS_COLUMN)}, 0) = 0 THEN 0 ELSE ${column} END)`;
}

/**
 * The CTE of one source answered from a pre-aggregation: sums of the stored daily sums. The
 * per-day-and-attribute tables hold each attribute as a column. The per-seller tables hold the
 * seller's integer key: seller attributes come from the dictionary (joined only when asked for),
 * a seller filter is translated to keys through it, and distinct sellers are distinct keys.
 */
function rollupCte(dialect: Dialect, source: FactSource, metrics: ResolvedMetric[], request: NormalizedRequest, perSeller: boolean): Sql {
  const r = (column: string) => sql`r.${sql.ident(column)}`;
  const k = (column: string) => sql`k.${sql.ident(column)}`;
  const dimension = (name: string) => {
    if (name === 'period') return dialect.dateTrunc(request.grain ?? 'day', r(ROLLUP_DAY));
    if (!perSeller) return r(name);
    return name === 'seller' ? r(ROLLUP_SELLER_KEY) : k(name);
  };
  const selects: Sql[] = request.by.map((name) => sql`${dimension(name)} AS ${sql.ident(name)}`);
  for (const metric of metrics) {
    const distinct = perSeller && sellerRollupMetric(source, metric) === 'distinctSellers';
    selects.push(distinct ? sql`COUNT(DISTINCT ${r(ROLLUP_SELLER_KEY)}) AS ${sql.ident(metric.name)}` : sql`SUM(${r(metric.name)}) AS ${sql.ident(metric.name)}`);
  }
  selects.push(sql`SUM(${r(ROLLUP_ROWS)}) AS ${sql.ident(ROWS_COLUMN)}`);
  const filters: Sql[] = [sql`${r(ROLLUP_DAY)} BETWEEN ${request.from} AND ${request.to}`];
  for (const filter of request.where) {
    if (perSeller && filter.dimension === 'seller') {
      filters.push(sql`${r(ROLLUP_SELLER_KEY)} IN (SELECT sk.key FROM ${SELLER_KEYS_TABLE} sk WHERE sk.id IN (${sql.join(filter.values)}))`);
    } else {
      filters.push(sql`CAST(${dimension(filter.dimension)} AS VARCHAR) IN (${sql.join(filter.values)})`);
    }
  }
  const groupBy = request.by.length ? sql` GROUP BY ${sql.raw(request.by.map((_, i) => i + 1).join(', '))}` : sql.empty;
  const attributes = [...request.by, ...request.where.map((filter) => filter.dimension)].some((name) => name !== 'period' && name !== 'seller');
  const from = !perSeller
    ? sql`${rollupTable(source)} r`
    : attributes
      ? sql`${sellerRollupFrom(source)} r JOIN ${SELLER_KEYS_TABLE} k ON k.key = ${r(ROLLUP_SELLER_KEY)}`
      : sql`${sellerRollupFrom(source)} r`;
  return sql`${sql.ident(`src_${source}`)} AS (SELECT ${sql.join(selects)} FROM ${from} WHERE ${sql.join(filters, ' AND ')}${groupBy})`;
}

export function compileMetricQuery(dialect: Dialect, input: MetricRequest, options: CompileOptions = {}): CompiledQuery {
  const request = normalizeRequest(input);
  const requestedDimensions = [...new Set([...request.by, ...request.where.map((filter) => filter.dimension)])];
  const bases = [...new Set(request.metrics.flatMap((name) => baseMetricsOf(name)))].map((name) =>
    resolveMetric(getMetric(name) as BaseMetric, requestedDimensions),
  );
  const resolved = new Map(bases.map((metric) => [metric.name, metric]));
  const bySource = new Map<FactSource, ResolvedMetric[]>();
  for (const metric of bases) bySource.set(metric.source, [...(bySource.get(metric.source) ?? []), metric]);

  const dimColumns = request.by.flatMap((name) => {
    const label = getDimension(name).labelColumn;
    return label ? [name, label] : [name];
  });

  const ctes: Sql[] = [];
  const rollups: FactSource[] = [];
  const rollupLevels = new Set<RollupLevel>();
  const sources = [...bySource.keys()];
  // Per seller, either every source reads its per-seller pre-aggregation (they join on the integer
  // key) or none does (they join on the seller id). Otherwise each source reads the most compact
  // pre-aggregation that answers it: per day and attribute, else per seller and day, else the facts.
  const perSellerFits = (source: FactSource) =>
    options.rollups?.includes(source) === true && sellerRollupFits(source, bySource.get(source) ?? [], requestedDimensions);
  const bySeller = requestedDimensions.includes('seller');
  const sellerKeys = bySeller && sources.every(perSellerFits);
  for (const source of sources) {
    const metrics = bySource.get(source) ?? [];
    if (!bySeller && options.rollups?.includes(source) && rollupFits(source, metrics, requestedDimensions)) {
      ctes.push(rollupCte(dialect, source, metrics, request, false));
      rollups.push(source);
      rollupLevels.add('attributes');
      continue;
    }
    if (sellerKeys || (!bySeller && perSellerFits(source))) {
      ctes.push(rollupCte(dialect, source, metrics, request, true));
      rollups.push(source);
      rollupLevels.add('sellers');
      continue;
    }
    const selects: Sql[] = [];
    const groupPositions: number[] = [];
    // Catalog text this source's statement reads: it joins `sellers` only when some of it does.
    const used: string[] = metrics.map((metric) => metric.expr);
    for (const name of request.by) {
      selects.push(sql`${dimensionExpr(dialect, name, source, request.grain)} AS ${sql.ident(name)}`);
      groupPositions.push(selects.length);
      const dim = getDimension(name);
      if (name !== 'period') used.push(dim.exprBySource[source] ?? '');
      const labelExpr = dim.labelExprBySource?.[source];
      // A seller's name is looked up once per group after aggregating, not joined to every fact row.
      if (dim.labelColumn && labelExpr && !readsSeller(labelExpr)) {
        selects.push(sql`${dialect.anyValue(sql.raw(labelExpr))} AS ${sql.ident(dim.labelColumn)}`);
      }
    }
    for (const filter of request.where) used.push(getDimension(filter.dimension).exprBySource[source] ?? '');
    const fromClause = used.some(readsSeller) ? SOURCE_FROM[source] : SOURCE_TABLE[source];
    for (const metric of metrics) selects.push(sql`${aggregate(dialect, metric)} AS ${sql.ident(metric.name)}`);
    selects.push(sql`count(*) AS ${sql.ident(ROWS_COLUMN)}`);
    const filters: Sql[] = [sql`${sql.raw(SOURCE_DATE[source])} BETWEEN ${request.from} AND ${request.to}`];
    for (const filter of request.where) {
      const expr = dimensionExpr(dialect, filter.dimension, source, request.grain);
      filters.push(sql`CAST(${expr} AS VARCHAR) IN (${sql.join(filter.values)})`);
    }
    const groupBy = groupPositions.length
      ? sql` GROUP BY ${sql.raw(groupPositions.join(', '))}`
      : sql.empty;
    ctes.push(sql`${sql.ident(`src_${source}`)} AS (SELECT ${sql.join(selects)} FROM ${sql.raw(fromClause)} WHERE ${sql.join(filters, ' AND ')}${groupBy})`);
  }

  const [first, ...rest] = sources;
  if (!first) throw new UserError('no metrics requested', { hint: 'name at least one metric' });
  const cte = (source: FactSource) => sql.ident(`src_${source}`);
  // A dimension's value is whichever source has the group; sellers without a subcategory (NULL)
  // are one group across sources, hence the null-safe join instead of USING.
  const coalesced = (column: string, among: FactSource[]) =>
    among.length === 1
      ? sql`${cte(among[0] ?? first)}.${sql.ident(column)}`
      : sql`coalesce(${sql.join(among.map((s) => sql`${cte(s)}.${sql.ident(column)}`))})`;
  let from = cte(first);
  const joined: FactSource[] = [first];
  for (const source of rest) {
    if (request.by.length === 0) {
      from = sql`${from} CROSS JOIN ${cte(source)}`;
    } else {
      const on = request.by.map((d) => dialect.nullSafeEquals(coalesced(d, joined), sql`${cte(source)}.${sql.ident(d)}`));
      from = sql`${from} FULL JOIN ${cte(source)} ON ${sql.join(on, ' AND ')}`;
    }
    joined.push(source);
  }

  const outputs: Sql[] = [];
  const dimPositions: number[] = [];
  for (const name of request.by) {
    outputs.push(sql`${coalesced(name, sources)} AS ${sql.ident(name)}`);
    dimPositions.push(outputs.length);
    const dim = getDimension(name);
    if (!dim.labelColumn || (sellerKeys && name === 'seller')) continue;
    const sellerLabel = Object.values(dim.labelExprBySource ?? {}).some((expr) => expr !== undefined && readsSeller(expr));
    const label = sellerLabel
      ? sql`(SELECT ${sql.raw('s.name')} FROM sellers s WHERE s.id = ${coalesced(name, sources)})`
      : coalesced(dim.labelColumn, sources);
    outputs.push(sql`${label} AS ${sql.ident(dim.labelColumn)}`);
  }
  for (const name of request.metrics) {
    const metric = getMetric(name);
    const value = outputExpr(dialect, metric, resolved);
    const rounded = metric.format === 'money' ? dialect.roundMoney(value) : value;
    outputs.push(sql`${rounded} AS ${sql.ident(name)}`);
    if (metric.type === 'combined' && metric.approximatePart) {
      const part = outputExpr(dialect, getMetric(metric.approximatePart), resolved);
      outputs.push(sql`(${part} > 0) AS ${sql.ident(APPROXIMATE_PREFIX + name)}`);
    }
  }
  if (sellerKeys) outputs.push(sql`(SELECT b.build FROM ${ROLLUP_BUILD_TABLE} b) AS ${sql.ident(ROLLUP_BUILD_COLUMN)}`);
  const orderBy = request.by.length
    ? sql` ORDER BY ${sql.raw(dimPositions.map((p) => `${p} NULLS LAST`).join(', '))}`
    : sql.empty;
  const query = sql`WITH ${sql.join(ctes)} SELECT ${sql.join(outputs)} FROM ${from}${orderBy}`;
  return { request, query, columns: [...dimColumns, ...request.metrics], rollups, sellerKeys, rollupLevels: [...rollupLevels] };
}
