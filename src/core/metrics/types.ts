/**
 * The shape of a metric and of a dimension. A metric is declared once, in `catalog/`, with its
 * definition text, unit, aggregation type and additivity; the compiler turns requests into SQL
 * from these declarations only, so a KPI can never be computed two ways.
 */
export type MetricFormat = 'money' | 'count' | 'rate' | 'duration' | 'number';

/**
 * The fact sources a base metric aggregates over. Besides the fact tables: `seller_day_channels`
 * (each seller-day's GMV split into live / video / product_card / other, summing to its GMV),
 * `seller_activity` (one row per seller and day with GMV > 0 or a livestream) and `seller_starts`
 * (each seller once, on its first day of activity).
 */
export type FactSource =
  | 'seller_days'
  | 'livestreams'
  | 'order_lines'
  | 'seller_day_channels'
  | 'seller_activity'
  | 'seller_starts';

/** Whether a rise of the metric is good news (for colouring changes and judging alerts). */
export type MetricDirection = 'higher_is_better' | 'lower_is_better' | 'neutral';

interface MetricCommon {
  name: string;
  label: string;
  /** Plain-language definition, shown in the UI and docs. */
  description: string;
  format: MetricFormat;
  /** Default: higher_is_better. */
  direction?: MetricDirection;
  /** A share of a whole that can never exceed 1 (live GMV share, adoption rate); engagement-type rates can (likes > views). */
  bounded?: boolean;
  /** A metric used only to build others (e.g. the weight behind an average); listed but not offered as a KPI. */
  internal?: boolean;
}

/** Where else a base metric can be read when a requested dimension does not apply to its source. */
export interface AlternativeSource {
  source: FactSource;
  expr: string;
  type?: BaseMetric['type'];
}

export interface BaseMetric extends MetricCommon {
  type: 'sum' | 'max' | 'count' | 'countDistinct';
  source: FactSource;
  /** SQL over the source's aliases (trusted catalog text, never request data). */
  expr: string;
  /** Whether values of sub-groups add up to the value of the whole (sum and count do). */
  additive: boolean;
  /** Tried in order when a requested dimension (e.g. channel) does not apply to `source`. */
  alternatives?: AlternativeSource[];
}

/**
 * A metric that adds base metrics read from different sources, e.g. buyers = distinct buyers of
 * order lines + buyers of imported daily rows (days without lines). When an `approximatePart` is
 * non-zero in a result row, the value is marked approximate.
 */
export interface CombinedMetric extends MetricCommon {
  type: 'combined';
  parts: string[];
  approximatePart?: string;
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

export type MetricDefinition = BaseMetric | RatioMetric | CombinedMetric;

export interface DimensionDefinition {
  name: string;
  label: string;
  /** SQL expression per source; absent when the dimension does not apply to that source. */
  exprBySource: Partial<Record<FactSource, string>>;
  /** Extra output columns (e.g. the seller's name next to its id), same source keys. */
  labelExprBySource?: Partial<Record<FactSource, string>>;
  labelColumn?: string;
}
