/**
 * What the anomaly detector can watch, read from the metric catalog: an additive metric (a sum or
 * count that adds up over days, subcategories and sellers) or a ratio of two additive metrics
 * (live GMV share = live GMV / GMV). Those can be summed over a week and split into contributions
 * exactly; a distinct count (buyers, active sellers) cannot, so it is refused here with a hint —
 * threshold rules take any metric.
 *
 * Each metric also gets the rules that keep noise out: the smallest baseline worth judging (counts
 * need ~20 a day, money just more than 0 — how much money is material depends on the currency, so
 * sellers are filtered by their share of the category instead), and the smallest change that is an
 * alert whatever z says.
 */
import { getMetric } from '../../metrics/catalog/index.ts';
import type { MetricFormat } from '../../metrics/types.ts';
import { UserError } from '../../shared/errors.ts';
import type { AlertGrain, Direction } from './alert-types.ts';
import type { JudgeRules } from './robust-score.ts';

export type WatchedScope = 'category' | 'subcategory' | 'seller';

export interface MonitoredMetric {
  name: string;
  label: string;
  format: MetricFormat;
  /** The additive metric summed (the metric itself, or the ratio's numerator). */
  numerator: string;
  /** The ratio's denominator; null for an additive metric. */
  denominator: string | null;
  scale: number;
  goodDirection: Direction | null;
  /**
   * Scopes judged. One seller's livestream numbers (and any rate of one seller) jump with every
   * session it holds or skips, so those stop at subcategories; a seller's sales are watched.
   */
  scopes: WatchedScope[];
}

function isAdditiveBase(name: string): boolean {
  const metric = getMetric(name);
  return (metric.type === 'sum' || metric.type === 'count') && metric.additive;
}

export function monitoredMetric(name: string): MonitoredMetric {
  const metric = getMetric(name);
  const direction = metric.direction ?? 'higher_is_better';
  const goodDirection: Direction | null = direction === 'higher_is_better' ? 'up' : direction === 'lower_is_better' ? 'down' : null;
  const common = { name, label: metric.label, format: metric.format, goodDirection };
  if (metric.type === 'ratio' && isAdditiveBase(metric.numerator) && isAdditiveBase(metric.denominator)) {
    return { ...common, numerator: metric.numerator, denominator: metric.denominator, scale: metric.scale ?? 1, scopes: ['category', 'subcategory'] };
  }
  if (metric.type !== 'ratio' && metric.type !== 'combined' && isAdditiveBase(name)) {
    const scopes: WatchedScope[] = metric.source === 'livestreams' ? ['category', 'subcategory'] : ['category', 'subcategory', 'seller'];
    return { ...common, numerator: name, denominator: null, scale: 1, scopes };
  }
  throw new UserError(`anomaly detection cannot watch "${name}"`, {
    hint: 'it watches sums and counts (gmv, orders, live_sessions…) and rates of two of them (live_gmv_share); use a threshold rule for this metric',
    details: { field: 'metric', value: name },
  });
}

export function isRate(metric: MonitoredMetric): boolean {
  return metric.denominator !== null;
}

/** Smallest baseline median judged, per grain (a week's value is a 7-day total). */
function minBaseline(metric: MonitoredMetric, grain: AlertGrain): number {
  if (metric.format !== 'count' || isRate(metric)) return 0;
  return grain === 'day' ? 20 : 100;
}

/**
 * Per scope and grain: the smallest change that is an alert (a share of the usual level), the
 * smallest spread assumed (shifted log scale, ≈ relative) and the smallest impact (a share of the
 * whole category's usual value). One seller's day is never taken to be steadier than the floor —
 * with only 8 same-weekdays behind it, a seller that happened to be steady would otherwise raise an
 * alert for any bad day, and hundreds of sellers are judged at once — so a seller's day alerts only
 * when it all but stops, and its week when it falls hard; and a seller whose move does not shift
 * the category by half a percent is left to the subcategory's and the category's alerts (whose
 * drivers name it) or to a threshold rule on that seller.
 */
const AMOUNT_RULES: Record<WatchedScope, Record<'day' | 'week', { minChange: number; floor: number; minImpact: number }>> = {
  category: { day: { minChange: 0.15, floor: 0.02, minImpact: 0 }, week: { minChange: 0.1, floor: 0.02, minImpact: 0 } },
  subcategory: { day: { minChange: 0.15, floor: 0.05, minImpact: 0.0025 }, week: { minChange: 0.1, floor: 0.03, minImpact: 0.0025 } },
  seller: { day: { minChange: 0.5, floor: 0.3, minImpact: 0.005 }, week: { minChange: 0.25, floor: 0.12, minImpact: 0.005 } },
};

export function judgeRulesFor(metric: MonitoredMetric, grain: 'day' | 'week', scope: WatchedScope = 'category'): JudgeRules {
  const rate = isRate(metric);
  const amounts = AMOUNT_RULES[scope][grain];
  return {
    minPoints: 4,
    minBaseline: minBaseline(metric, grain),
    // Rates move in points: 3 points a day, 2 a week; amounts by a share of their usual level.
    minChange: rate ? (grain === 'day' ? 0.03 : 0.02) * metric.scale : amounts.minChange,
    relativeChange: !rate,
    scaleFloor: rate ? 0.005 * metric.scale : amounts.floor,
    minImpact: rate ? 0 : amounts.minImpact,
    goodDirection: metric.goodDirection,
    // Good news is for the headline: the whole category, and a subcategory's week (one subcategory's
    // day jumps whenever a seller holds a big livestream).
    reportGoodNews: scope === 'category' || (scope === 'subcategory' && grain === 'week'),
  };
}
