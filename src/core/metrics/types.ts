/**
 * The shape of a metric and of a dimension. A metric is declared once, in `catalog/`, with its
 * definition text, unit, aggregation type and additivity; the compiler turns requests into SQL
 * from these declarations only, so a KPI can never be computed two ways.
 */
export type MetricFormat = 'money' | 'count' | 'rate' | 'duration' | 'number';

/** The fact tables a base metric aggregates over. */
export type FactSource = 'seller_days' | 'livestreams' | 'order_lines';

interface MetricCommon {
  name: string;
  label: string;
  /** Plain-language definition, shown in the UI and docs. */
  description: string;
  format: MetricFormat;
}

export interface BaseMetric extends MetricCommon {
  type: 'sum' | 'max' | 'count' | 'countDistinct';
  source: FactSource;
  /** SQL over the source's aliases (trusted catalog text, never request data). */
  expr: string;
  /** Whether values of sub-groups add up to the value of the whole (sum and count do). */
  additive: boolean;
}

export interface RatioMetric extends MetricCommon {
  type: 'ratio';
  numerator: string;
  denominator: string;
  /** Multiplier applied to the ratio (e.g. 1000 for GPM). */
  scale?: number;
  additive: false;
}

export type MetricDefinition = BaseMetric | RatioMetric;

export interface DimensionDefinition {
  name: string;
  label: string;
  /** SQL expression per source; absent when the dimension does not apply to that source. */
  exprBySource: Partial<Record<FactSource, string>>;
  /** Extra output columns (e.g. the seller's name next to its id), same source keys. */
  labelExprBySource?: Partial<Record<FactSource, string>>;
  labelColumn?: string;
}
