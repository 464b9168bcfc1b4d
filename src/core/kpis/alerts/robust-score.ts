/**
 * Judging one value against its baseline with a robust z-score: z = 0.6745 · (x − median) / MAD
 * (Iglewicz & Hoaglin's modified z-score). Median and MAD ignore the odd outlier day that would
 * drag a mean and a standard deviation along, so one past promotion does not hide the next drop.
 *
 * Amounts and counts are scored on a shifted log scale, ln(x + m/4) with m the baseline median:
 * sales noise is multiplicative (a seller whose weeks swing ±25% would otherwise need a 75% drop to
 * stand out), so "−70%" weighs the same at any size; the shift keeps a day at 0 from looking
 * infinitely far off (it counts like −80% on a plain log scale), which lumpy series such as one
 * subcategory's live GMV have often. Rates (live GMV share) are scored as they are, in points.
 *
 * Traps guarded here: MAD = 0 (a flat baseline) falls back to the mean absolute deviation
 * (× 1.2533, its ratio to σ for normal data) and then to a floor, so z is never ±∞; a baseline
 * that is too short or too small is not judged at all; and a change that is statistically sharp but
 * tiny in business terms (GMV +3% on a very steady series) is not an alert.
 */
import type { Direction, Severity } from './alert-types.ts';

/** The shift of the log scale, as a share of the baseline median. */
export const SHIFT = 0.25;

/** |z| from which a move is an alert, and from which it is critical. */
export const WARNING_Z = 3.5;
export const CRITICAL_Z = 5;

export interface BaselineStats {
  /** The judged value and the baseline median, in the metric's units. */
  observed: number | null;
  median: number | null;
  /** The same on the scoring scale (ln(1 + x) for amounts, x for rates), with the baseline's spread. */
  score: {
    observed: number | null;
    median: number | null;
    /** Median absolute deviation from the median (unscaled, as DuckDB's mad()). */
    mad: number | null;
    meanAbsDev: number | null;
  };
  /** How many baseline values there were. */
  points: number;
  /** The whole category's usual value of the metric for the same grain (for the impact rule). */
  categoryLevel?: number | null;
}

/** The scoring scale: ln(x + SHIFT · baseline median) for amounts and counts, the value itself for rates. */
export function scoreOf(value: number, rate: boolean, baselineMedian: number): number {
  return rate ? value : Math.log(Math.max(value, 0) + Math.max(SHIFT * baselineMedian, 1e-9));
}

export interface JudgeRules {
  minPoints: number;
  /** The baseline median must reach this (e.g. 20 orders a day) to be judged; money uses > 0. */
  minBaseline: number;
  /** Smallest change worth an alert: a fraction of the median, or absolute (rates, in points). */
  minChange: number;
  relativeChange: boolean;
  /** Smallest σ used, on the scoring scale (0.02 on the log scale ≈ 2.5% of the median). */
  scaleFloor: number;
  /** A move must weigh at least this share of the whole category's usual value (0: no such rule). */
  minImpact: number;
  /** The direction that is good news (a jump in GMV): reported as info, never as a problem. */
  goodDirection: Direction | null;
  /** Whether good news is reported at all (not for single sellers: their spikes are ordinary). */
  reportGoodNews: boolean;
}

export interface Judgement {
  z: number;
  direction: Direction;
  severity: Severity;
}

/** The σ-equivalent spread used for z (MAD / 0.6745, else 1.2533 · mean absolute deviation), never below the floor. */
export function robustSigma(spread: { mad: number | null; meanAbsDev: number | null }, scaleFloor: number): number {
  let sigma = 0;
  if ((spread.mad ?? 0) > 0) sigma = (spread.mad ?? 0) / 0.6745;
  else if ((spread.meanAbsDev ?? 0) > 0) sigma = 1.2533 * (spread.meanAbsDev ?? 0);
  return Math.max(sigma, scaleFloor);
}

/**
 * |z| ≥ 3.5 is a warning and ≥ 5 critical when the metric moved the bad way; good news (a jump in
 * GMV) is info, and only from |z| ≥ 5, so the panel stays about problems.
 */
export function severityOf(z: number, direction: Direction, rules: Pick<JudgeRules, 'goodDirection' | 'reportGoodNews'>): Severity | null {
  const size = Math.abs(z);
  if (direction === rules.goodDirection) return rules.reportGoodNews && size >= CRITICAL_Z ? 'info' : null;
  if (size < WARNING_Z) return null;
  return size >= CRITICAL_Z ? 'critical' : 'warning';
}

/** An alert judgement, or null when the value is ordinary (or cannot be judged). */
export function judgeAnomaly(stats: BaselineStats, rules: JudgeRules): Judgement | null {
  const { observed, median } = stats;
  if (observed === null || median === null || !Number.isFinite(observed) || !Number.isFinite(median)) return null;
  if (stats.points < rules.minPoints) return null;
  if (rules.minBaseline > 0 ? median < rules.minBaseline : median <= 0) return null;
  const change = observed - median;
  const needed = rules.relativeChange ? rules.minChange * Math.abs(median) : rules.minChange;
  if (Math.abs(change) < needed || change === 0) return null;
  if (rules.minImpact > 0 && Math.abs(change) < rules.minImpact * Math.abs(stats.categoryLevel ?? 0)) return null;
  const { score } = stats;
  if (score.observed === null || score.median === null) return null;
  const sigma = robustSigma(score, rules.scaleFloor);
  if (!(sigma > 0)) return null;
  const z = (score.observed - score.median) / sigma;
  const direction: Direction = change > 0 ? 'up' : 'down';
  // The log scale and the linear change agree on direction; a disagreement means a degenerate baseline.
  if (Math.sign(z) !== Math.sign(change)) return null;
  const severity = severityOf(z, direction, rules);
  return severity ? { z: Math.round(z * 100) / 100, direction, severity } : null;
}
